package fr.gouv.fabriques.process.convention;

import fr.gouv.fabriques.application.convention.GenererConvention;
import fr.gouv.fabriques.process.commun.DossierVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_GenererConvention → {@link GenererConvention}. */
@Component("genererConventionDelegate")
class GenererConventionDelegate implements JavaDelegate {

    private final GenererConvention genererConvention;

    GenererConventionDelegate(GenererConvention genererConvention) {
        this.genererConvention = genererConvention;
    }

    @Override
    public void execute(DelegateExecution execution) {
        genererConvention.generer(DossierVariables.dossierId(execution));
    }
}
