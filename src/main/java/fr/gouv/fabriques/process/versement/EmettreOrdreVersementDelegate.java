package fr.gouv.fabriques.process.versement;

import fr.gouv.fabriques.application.versement.EmettreOrdreVersement;
import fr.gouv.fabriques.process.commun.DossierVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_EmettreOrdreVersement (asynchronous, retried as a job) →
 * {@link EmettreOrdreVersement}, which issues the order once whatever the retries.
 */
@Component("emettreOrdreVersementDelegate")
class EmettreOrdreVersementDelegate implements JavaDelegate {

    private final EmettreOrdreVersement emettreOrdreVersement;

    EmettreOrdreVersementDelegate(EmettreOrdreVersement emettreOrdreVersement) {
        this.emettreOrdreVersement = emettreOrdreVersement;
    }

    @Override
    public void execute(DelegateExecution execution) {
        emettreOrdreVersement.emettre(DossierVariables.dossierId(execution), DossierVariables.entier(execution, VersementProcess.VAR_ANNEE));
    }
}
