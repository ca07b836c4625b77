package fr.gouv.fabriques.process.instruction;

import fr.gouv.fabriques.application.instruction.EnregistrerAvisTerritorial;
import fr.gouv.fabriques.process.commun.DossierVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_ConstaterAbsenceAvis (referent deadline passed) → {@link EnregistrerAvisTerritorial#constaterAbsence}. */
@Component("constaterAbsenceAvisDelegate")
class ConstaterAbsenceAvisDelegate implements JavaDelegate {

    private final EnregistrerAvisTerritorial enregistrerAvis;

    ConstaterAbsenceAvisDelegate(EnregistrerAvisTerritorial enregistrerAvis) {
        this.enregistrerAvis = enregistrerAvis;
    }

    @Override
    public void execute(DelegateExecution execution) {
        enregistrerAvis.constaterAbsence(DossierVariables.dossierId(execution));
    }
}
