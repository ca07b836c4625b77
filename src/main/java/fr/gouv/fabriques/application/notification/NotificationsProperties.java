package fr.gouv.fabriques.application.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fabriques.notifications.*}: how the applicants' e-mails leave the outbox.
 * Every value can be set from the environment (FABRIQUES_NOTIFICATIONS_TAILLELOT=50…).
 */
@ConfigurationProperties(prefix = "fabriques.notifications")
public record NotificationsProperties(
        /** Poll the outbox on a schedule; the integration tests turn it off and call the sender themselves. */
        @DefaultValue("true") boolean envoiAutomatique,
        /** Pause between two polls. */
        @DefaultValue("PT10S") Duration intervalle,
        /** How many mails one claim takes (FOR UPDATE SKIP LOCKED); a poll claims until nothing is due. */
        @DefaultValue("10") int tailleLot,
        /** Attempts before a mail is left in ECHEC. */
        @DefaultValue("12") int tentativesMax,
        /** Wait after the first failed attempt, doubled after each following one… */
        @DefaultValue("PT1M") Duration delaiRelanceInitial,
        /** …up to this. */
        @DefaultValue("PT1H") Duration delaiRelanceMax,
        /**
         * How long a claimed mail is reserved to its sender. A sender that dies while sending
         * leaves the mail claimed; it is sent again when the lease runs out. Must exceed the worst
         * time to send one claimed batch: taille-lot × the SMTP timeouts of application.yaml
         * (10 × (10 + 30 + 30) s = 700 s with the defaults).
         */
        @DefaultValue("PT15M") Duration bail,
        /** The From of the mails, e.g. « Fabriques de Territoire <ne-pas-repondre@example.gouv.fr> »; required in production. */
        String expediteur,
        /** Where the application is reached, for the link to the dossier in the mails; required in production. */
        String urlApplication) {

    public NotificationsProperties {
        if (tailleLot < 1) {
            throw new IllegalArgumentException("fabriques.notifications.taille-lot doit valoir 1 au moins ; reçu : " + tailleLot);
        }
        if (tentativesMax < 1) {
            throw new IllegalArgumentException("fabriques.notifications.tentatives-max doit valoir 1 au moins ; reçu : " + tentativesMax);
        }
        positive("intervalle", intervalle);
        positive("delai-relance-initial", delaiRelanceInitial);
        positive("delai-relance-max", delaiRelanceMax);
        positive("bail", bail);
        if (delaiRelanceMax.compareTo(delaiRelanceInitial) < 0) {
            throw new IllegalArgumentException("fabriques.notifications.delai-relance-max (" + delaiRelanceMax
                    + ") doit être au moins fabriques.notifications.delai-relance-initial (" + delaiRelanceInitial + ")");
        }
    }

    private static void positive(String nom, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("fabriques.notifications." + nom + " doit être une durée positive (ex. PT1M) ; reçu : " + d);
        }
    }

    public PolitiqueRelance politiqueRelance() {
        return new PolitiqueRelance(tentativesMax, delaiRelanceInitial, delaiRelanceMax);
    }
}
