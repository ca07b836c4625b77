package fr.gouv.fabriques.process.instruction;

import fr.gouv.fabriques.process.commun.DossierDuProcessus;
import fr.gouv.fabriques.application.instruction.EnregistrerAvisTerritorial;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_ConstaterAbsenceAvis (referent deadline passed) → {@link EnregistrerAvisTerritorial#constaterAbsence}. */
@Component("constaterAbsenceAvisDelegate")
class ConstaterAbsenceAvisDelegate implements JavaDelegate {

    private final DossierDuProcessus dossierDuProcessus;
    private final EnregistrerAvisTerritorial enregistrerAvis;

    ConstaterAbsenceAvisDelegate(DossierDuProcessus dossierDuProcessus, EnregistrerAvisTerritorial enregistrerAvis) {
        this.dossierDuProcessus = dossierDuProcessus;
        this.enregistrerAvis = enregistrerAvis;
    }

    @Override
    public void execute(DelegateExecution execution) {
        enregistrerAvis.constaterAbsence(dossierDuProcessus.id(execution));
    }
}
