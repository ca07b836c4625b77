package fr.gouv.fabriques.process.versement;

import fr.gouv.fabriques.application.versement.ResilierConvention;
import fr.gouv.fabriques.process.commun.DossierDuProcessus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_ResilierConvention (suspension closed without recovery) → {@link ResilierConvention}. */
@Component("resilierConventionDelegate")
class ResilierConventionDelegate implements JavaDelegate {

    private final DossierDuProcessus dossierDuProcessus;
    private final ResilierConvention resilier;

    ResilierConventionDelegate(DossierDuProcessus dossierDuProcessus, ResilierConvention resilier) {
        this.dossierDuProcessus = dossierDuProcessus;
        this.resilier = resilier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        resilier.resilier(dossierDuProcessus.id(execution));
    }
}
