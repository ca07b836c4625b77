package fr.gouv.fabriques.process.convention;

import fr.gouv.fabriques.process.commun.DossierDuProcessus;
import fr.gouv.fabriques.application.convention.GenererConvention;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_GenererConvention → {@link GenererConvention}. */
@Component("genererConventionDelegate")
class GenererConventionDelegate implements JavaDelegate {

    private final DossierDuProcessus dossierDuProcessus;
    private final GenererConvention genererConvention;

    GenererConventionDelegate(DossierDuProcessus dossierDuProcessus, GenererConvention genererConvention) {
        this.dossierDuProcessus = dossierDuProcessus;
        this.genererConvention = genererConvention;
    }

    @Override
    public void execute(DelegateExecution execution) {
        genererConvention.generer(dossierDuProcessus.id(execution));
    }
}
