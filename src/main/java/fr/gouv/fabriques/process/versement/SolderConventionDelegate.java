package fr.gouv.fabriques.process.versement;

import fr.gouv.fabriques.process.commun.DossierDuProcessus;
import fr.gouv.fabriques.application.versement.SolderConvention;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_SolderConvention → {@link SolderConvention}. */
@Component("solderConventionDelegate")
class SolderConventionDelegate implements JavaDelegate {

    private final DossierDuProcessus dossierDuProcessus;
    private final SolderConvention solderConvention;

    SolderConventionDelegate(DossierDuProcessus dossierDuProcessus, SolderConvention solderConvention) {
        this.dossierDuProcessus = dossierDuProcessus;
        this.solderConvention = solderConvention;
    }

    @Override
    public void execute(DelegateExecution execution) {
        solderConvention.solder(dossierDuProcessus.id(execution));
    }
}
