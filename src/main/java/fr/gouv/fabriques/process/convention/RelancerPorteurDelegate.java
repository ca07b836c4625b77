package fr.gouv.fabriques.process.convention;

import fr.gouv.fabriques.process.commun.DossierDuProcessus;
import fr.gouv.fabriques.application.convention.RelancerSignatureConvention;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_RelancerPorteur (non-interrupting reminder before the signing deadline) → {@link RelancerSignatureConvention}. */
@Component("relancerPorteurDelegate")
class RelancerPorteurDelegate implements JavaDelegate {

    private final DossierDuProcessus dossierDuProcessus;
    private final RelancerSignatureConvention relancer;

    RelancerPorteurDelegate(DossierDuProcessus dossierDuProcessus, RelancerSignatureConvention relancer) {
        this.dossierDuProcessus = dossierDuProcessus;
        this.relancer = relancer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        relancer.relancer(dossierDuProcessus.id(execution));
    }
}
