package fr.gouv.fabriques.process.avenant;

import fr.gouv.fabriques.application.avenant.AppliquerAvenant;
import fr.gouv.fabriques.process.commun.DossierDuProcessus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_AppliquerAvenant → {@link AppliquerAvenant}, in the transaction of the State's signature. */
@Component("appliquerAvenantDelegate")
class AppliquerAvenantDelegate implements JavaDelegate {

    private final DossierDuProcessus dossierDuProcessus;
    private final AppliquerAvenant casUsage;

    AppliquerAvenantDelegate(DossierDuProcessus dossierDuProcessus, AppliquerAvenant casUsage) {
        this.dossierDuProcessus = dossierDuProcessus;
        this.casUsage = casUsage;
    }

    @Override
    public void execute(DelegateExecution execution) {
        casUsage.appliquer(dossierDuProcessus.id(execution));
    }
}
