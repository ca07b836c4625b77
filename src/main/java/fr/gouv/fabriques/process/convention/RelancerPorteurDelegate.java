package fr.gouv.fabriques.process.convention;

import fr.gouv.fabriques.application.convention.RelancerSignatureConvention;
import fr.gouv.fabriques.process.commun.DossierVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_RelancerPorteur (non-interrupting reminder before the signing deadline) → {@link RelancerSignatureConvention}. */
@Component("relancerPorteurDelegate")
class RelancerPorteurDelegate implements JavaDelegate {

    private final RelancerSignatureConvention relancer;

    RelancerPorteurDelegate(RelancerSignatureConvention relancer) {
        this.relancer = relancer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        relancer.relancer(DossierVariables.dossierId(execution));
    }
}
