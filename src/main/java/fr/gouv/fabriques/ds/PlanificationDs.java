package fr.gouv.fabriques.ds;

import fr.gouv.fabriques.application.ds.ConnecteurDs;
import fr.gouv.fabriques.application.ds.EnvoyerDansDs;
import fr.gouv.fabriques.application.ds.ImporterDossiersDs;
import fr.gouv.fabriques.application.ds.LecturesAnticipees;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The connector's periodic work, when the application's scheduling is on (off in the integration tests, which call the same
 * methods): every 15 s, the procedures whose read is due ({@code fabriques.ds.intervalle}, later after failures) and the
 * webhook's hints; every {@code fabriques.ds.envoi.intervalle}, the write-back outbox.
 */
@Component
class PlanificationDs {

    private static final Logger LOG = LoggerFactory.getLogger(PlanificationDs.class);

    private final ConnecteurDs connecteur;
    private final ImporterDossiersDs importer;
    private final LecturesAnticipees anticipees;
    private final EnvoyerDansDs envoyer;

    PlanificationDs(ConnecteurDs connecteur, ImporterDossiersDs importer, LecturesAnticipees anticipees, EnvoyerDansDs envoyer) {
        this.connecteur = connecteur;
        this.importer = importer;
        this.anticipees = anticipees;
        this.envoyer = envoyer;
    }

    @Scheduled(initialDelay = 5_000, fixedDelay = 15_000)
    void lire() {
        if (!connecteur.actif()) {
            return;
        }
        try {
            anticipees.lire();
            importer.lireSiDu();
        } catch (RuntimeException e) {
            LOG.error("Lecture de démarches-simplifiées interrompue ; nouvel essai au prochain tour", e);
        }
    }

    @Scheduled(initialDelayString = "${fabriques.ds.envoi.intervalle:PT10S}", fixedDelayString = "${fabriques.ds.envoi.intervalle:PT10S}")
    void envoyer() {
        if (!connecteur.actif()) {
            return;
        }
        try {
            envoyer.envoyerEnAttente();
        } catch (RuntimeException e) {
            LOG.error("Écriture vers démarches-simplifiées interrompue ; nouvel essai au prochain tour", e);
        }
    }
}
