package fr.gouv.fabriques.process.instruction;

import fr.gouv.fabriques.application.instruction.VerifierEligibilite;
import fr.gouv.fabriques.process.commun.DossierVariables;
import fr.gouv.fabriques.process.dossier.DossierProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_VerifierEligibilite → {@link VerifierEligibilite} (rule: bpmn/eligibilite.dmn). */
@Component("verifierEligibiliteDelegate")
class VerifierEligibiliteDelegate implements JavaDelegate {

    private final VerifierEligibilite verifierEligibilite;

    VerifierEligibiliteDelegate(VerifierEligibilite verifierEligibilite) {
        this.verifierEligibilite = verifierEligibilite;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean eligible = verifierEligibilite.verifier(DossierVariables.dossierId(execution));
        execution.setVariable(InstructionProcess.VAR_ELIGIBLE, eligible);
        if (!eligible) {
            execution.setVariable(DossierProcess.VAR_ISSUE_INSTRUCTION, "IRRECEVABLE");
        }
    }
}
