package fr.gouv.fabriques.application.notification;

import fr.gouv.fabriques.application.port.BoiteEnvoi;
import fr.gouv.fabriques.application.port.BoiteEnvoi.CourrielReserve;
import fr.gouv.fabriques.application.port.Messagerie;
import fr.gouv.fabriques.application.port.Messagerie.EchecEnvoi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Empties the outbox: claims the due mails (several nodes may run this at once: a claimed
 * mail is skipped by the others), hands each to the SMTP server, records the outcome.
 *
 * <p>Delivery is <b>at least once</b>. The mail is marked sent only after the SMTP server
 * has accepted it; if the node dies in between, the claim's lease runs out and the mail is
 * sent again — with the same Message-ID and Date, so that the copy is recognisably the same
 * message. The other order (mark, then send) would lose the mail in the same crash, and a
 * decision whose notification is lost is worse than one notified twice.
 */
@Service
public class EnvoyerCourriels {

    private static final Logger LOG = LoggerFactory.getLogger(EnvoyerCourriels.class);

    private final BoiteEnvoi boite;
    private final Messagerie messagerie;
    private final Clock horloge;
    private final int tailleLot;
    private final Duration bail;
    private final PolitiqueRelance relance;

    @Autowired
    public EnvoyerCourriels(BoiteEnvoi boite, Messagerie messagerie, Clock horloge, NotificationsProperties proprietes) {
        this(boite, messagerie, horloge, proprietes.tailleLot(), proprietes.bail(), proprietes.politiqueRelance());
    }

    public EnvoyerCourriels(BoiteEnvoi boite, Messagerie messagerie, Clock horloge, int tailleLot, Duration bail, PolitiqueRelance relance) {
        this.boite = boite;
        this.messagerie = messagerie;
        this.horloge = horloge;
        this.tailleLot = tailleLot;
        this.bail = bail;
        this.relance = relance;
    }

    /**
     * Sends every mail due now, batch after batch, until none is left (a mail claimed or put off
     * during this call is not due again before it ends).
     *
     * @return how many mails the SMTP server accepted
     */
    public int envoyerEnAttente() {
        Instant maintenant = horloge.instant();
        int envoyes = 0;
        List<CourrielReserve> lot;
        while (!(lot = boite.reserver(tailleLot, maintenant, maintenant.plus(bail))).isEmpty()) {
            // One connection to the server for the batch; each mail is still marked sent as soon as the server accepted it.
            try (Messagerie.Session session = messagerie.ouvrirSession()) {
                for (CourrielReserve courriel : lot) {
                    if (envoyer(courriel, session)) {
                        envoyes++;
                    }
                }
            }
        }
        return envoyes;
    }

    private boolean envoyer(CourrielReserve c, Messagerie.Session session) {
        if (!relance.tentativeAutorisee(c.tentative())) {
            // Claimed again after its sender stopped in the middle of the last allowed attempt.
            abandonner(c, "envoi interrompu lors de la dernière tentative autorisée (arrêt de l'application pendant l'envoi ?)");
            return false;
        }
        try {
            session.envoyer(new Messagerie.Courriel(c.destinataire(), c.sujet(), c.corps(), c.messageId(), c.creeLe(), c.numeroDossier()));
        } catch (EchecEnvoi | RuntimeException e) {
            echec(c, e);
            return false;
        }
        boite.marquerEnvoye(c.id(), horloge.instant());
        LOG.info("Courriel {} du dossier {} envoyé à {} (tentative {})", c.messageId(), c.numeroDossier(), c.destinataire(), c.tentative());
        return true;
    }

    private void echec(CourrielReserve c, Exception e) {
        String erreur = description(e);
        Optional<Instant> prochaine = relance.apresEchec(c.tentative(), horloge.instant());
        if (prochaine.isPresent()) {
            boite.reporter(c.id(), c.tentative(), prochaine.get(), erreur);
            LOG.warn("Courriel {} du dossier {} non envoyé (tentative {}) : {} ; nouvel essai à partir de {}", c.messageId(),
                    c.numeroDossier(), c.tentative(), erreur, prochaine.get());
        } else {
            abandonner(c, erreur);
        }
    }

    private void abandonner(CourrielReserve c, String erreur) {
        boite.abandonner(c.id(), c.tentative(), erreur);
        LOG.error("ÉCHEC DÉFINITIF du courriel {} du dossier {} à {} après {} tentative(s) : {}. Il reste dans la table notification "
                + "(etat = 'ECHEC') ; README, section « Courriels », pour le renvoyer.", c.messageId(), c.numeroDossier(),
                c.destinataire(), c.tentative(), erreur);
    }

    private static String description(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 1000; t = t.getCause() == t ? null : t.getCause()) {
            if (sb.length() > 0) {
                sb.append(" ← ");
            }
            sb.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return sb.length() > 1000 ? sb.substring(0, 999) + "…" : sb.toString();
    }
}
