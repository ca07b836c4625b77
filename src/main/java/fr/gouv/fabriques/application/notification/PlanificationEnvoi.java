package fr.gouv.fabriques.application.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Polls the outbox every {@code fabriques.notifications.intervalle}. Off when
 * {@code fabriques.notifications.envoi-automatique=false} (the integration tests call
 * {@link EnvoyerCourriels#envoyerEnAttente()} themselves, and nothing runs behind their back).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "fabriques.notifications", name = "envoi-automatique", havingValue = "true", matchIfMissing = true)
class PlanificationEnvoi {

    private static final Logger LOG = LoggerFactory.getLogger(PlanificationEnvoi.class);

    private final EnvoyerCourriels envoyer;

    PlanificationEnvoi(EnvoyerCourriels envoyer) {
        this.envoyer = envoyer;
    }

    @Scheduled(initialDelayString = "${fabriques.notifications.intervalle:PT10S}", fixedDelayString = "${fabriques.notifications.intervalle:PT10S}")
    void envoyer() {
        try {
            envoyer.envoyerEnAttente();
        } catch (RuntimeException e) {
            // Database unreachable, for instance: the mails wait in the outbox for the next poll.
            LOG.error("Envoi des courriels interrompu ; nouvel essai dans un intervalle", e);
        }
    }
}
