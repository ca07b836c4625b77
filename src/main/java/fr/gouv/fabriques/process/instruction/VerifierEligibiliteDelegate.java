package fr.gouv.fabriques.process.instruction;

import fr.gouv.fabriques.process.commun.DossierDuProcessus;
import fr.gouv.fabriques.application.instruction.VerifierEligibilite;
import fr.gouv.fabriques.process.dossier.DossierProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_VerifierEligibilite → {@link VerifierEligibilite} (rule: bpmn/eligibilite.dmn). */
@Component("verifierEligibiliteDelegate")
class VerifierEligibiliteDelegate implements JavaDelegate {

    private final DossierDuProcessus dossierDuProcessus;
    private final VerifierEligibilite verifierEligibilite;

    VerifierEligibiliteDelegate(DossierDuProcessus dossierDuProcessus, VerifierEligibilite verifierEligibilite) {
        this.dossierDuProcessus = dossierDuProcessus;
        this.verifierEligibilite = verifierEligibilite;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean eligible = verifierEligibilite.verifier(dossierDuProcessus.numero(execution));
        execution.setVariable(InstructionProcess.VAR_ELIGIBLE, eligible);
        if (!eligible) {
            execution.setVariable(DossierProcess.VAR_ISSUE_INSTRUCTION, "IRRECEVABLE");
        }
    }
}
