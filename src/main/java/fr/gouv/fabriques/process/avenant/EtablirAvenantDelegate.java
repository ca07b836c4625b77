package fr.gouv.fabriques.process.avenant;

import fr.gouv.fabriques.application.avenant.EtablirAvenant;
import fr.gouv.fabriques.process.commun.DossierDuProcessus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_EtablirAvenant (asynchronous) → {@link EtablirAvenant}: the validated amendment's PDF. */
@Component("etablirAvenantDelegate")
class EtablirAvenantDelegate implements JavaDelegate {

    private final DossierDuProcessus dossierDuProcessus;
    private final EtablirAvenant casUsage;

    EtablirAvenantDelegate(DossierDuProcessus dossierDuProcessus, EtablirAvenant casUsage) {
        this.dossierDuProcessus = dossierDuProcessus;
        this.casUsage = casUsage;
    }

    @Override
    public void execute(DelegateExecution execution) {
        casUsage.etablir(dossierDuProcessus.id(execution));
    }
}
