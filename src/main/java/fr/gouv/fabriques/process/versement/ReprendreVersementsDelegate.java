package fr.gouv.fabriques.process.versement;

import fr.gouv.fabriques.application.versement.ReprendreVersements;
import fr.gouv.fabriques.process.commun.DossierDuProcessus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_ReprendreVersements → {@link ReprendreVersements}; sets {@code versementsRestants}. */
@Component("reprendreVersementsDelegate")
class ReprendreVersementsDelegate implements JavaDelegate {

    private final DossierDuProcessus dossierDuProcessus;
    private final ReprendreVersements reprendre;

    ReprendreVersementsDelegate(DossierDuProcessus dossierDuProcessus, ReprendreVersements reprendre) {
        this.dossierDuProcessus = dossierDuProcessus;
        this.reprendre = reprendre;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(DossierProcessVariables.VERSEMENTS_RESTANTS, reprendre.reprendre(dossierDuProcessus.id(execution)));
    }
}
