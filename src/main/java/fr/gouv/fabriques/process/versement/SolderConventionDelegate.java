package fr.gouv.fabriques.process.versement;

import fr.gouv.fabriques.application.versement.SolderConvention;
import fr.gouv.fabriques.process.commun.DossierVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_SolderConvention → {@link SolderConvention}. */
@Component("solderConventionDelegate")
class SolderConventionDelegate implements JavaDelegate {

    private final SolderConvention solderConvention;

    SolderConventionDelegate(SolderConvention solderConvention) {
        this.solderConvention = solderConvention;
    }

    @Override
    public void execute(DelegateExecution execution) {
        solderConvention.solder(DossierVariables.dossierId(execution));
    }
}
