package fr.gouv.fabriques.process.avenant;

import fr.gouv.fabriques.application.avenant.ConstaterCaduciteAvenant;
import fr.gouv.fabriques.process.commun.DossierDuProcessus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_ConstaterCaduciteAvenant (signing deadline passed) → {@link ConstaterCaduciteAvenant}. */
@Component("constaterCaduciteAvenantDelegate")
class ConstaterCaduciteAvenantDelegate implements JavaDelegate {

    private final DossierDuProcessus dossierDuProcessus;
    private final ConstaterCaduciteAvenant casUsage;

    ConstaterCaduciteAvenantDelegate(DossierDuProcessus dossierDuProcessus, ConstaterCaduciteAvenant casUsage) {
        this.dossierDuProcessus = dossierDuProcessus;
        this.casUsage = casUsage;
    }

    @Override
    public void execute(DelegateExecution execution) {
        casUsage.constater(dossierDuProcessus.id(execution));
    }
}
