package fr.gouv.fabriques.process.versement;

import fr.gouv.fabriques.application.versement.EtapeEnCours;
import fr.gouv.fabriques.application.versement.EmettreOrdreVersement;
import fr.gouv.fabriques.process.commun.DossierDuProcessus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_EmettreOrdreVersement (asynchronous, retried as a job) →
 * {@link EmettreOrdreVersement}, which issues the order once whatever the retries.
 */
@Component("emettreOrdreVersementDelegate")
class EmettreOrdreVersementDelegate implements JavaDelegate {

    private final DossierDuProcessus dossierDuProcessus;
    private final EmettreOrdreVersement emettreOrdreVersement;
    private final EtapeEnCours etape;

    EmettreOrdreVersementDelegate(DossierDuProcessus dossierDuProcessus, EmettreOrdreVersement emettreOrdreVersement, EtapeEnCours etape) {
        this.dossierDuProcessus = dossierDuProcessus;
        this.emettreOrdreVersement = emettreOrdreVersement;
        this.etape = etape;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long dossierId = dossierDuProcessus.id(execution);
        emettreOrdreVersement.emettre(dossierId, etape.versement(dossierId).annee());
    }
}
