package fr.gouv.fabriques.integration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The running application on a real (embedded) PostgreSQL, reached over HTTP.
 * Every integration test class carries this one annotation and nothing else that
 * changes the configuration, so that Spring builds the context once for them all.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// Spring Boot's tests switch metrics export off by default: on, so that /actuator/prometheus exists as in production (MetriquesIT).
@AutoConfigureObservability(tracing = false)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "fabriques.postgres-embarque.repertoire=target/postgres-it/donnees",
            "fabriques.postgres-embarque.port=0",
            "fabriques.postgres-embarque.nettoyer=true",
            "fabriques.planification.active=false",
            "camunda.bpm.job-execution.enabled=false",
            "camunda.bpm.generate-unique-process-engine-name=false",
            // Mails: the in-process SMTP server of the demo mode (whatever SPRING_MAIL_HOST says), on a free 127.0.0.1 port, writing under target/;
            // no scheduled polling: the tests call EnvoyerCourriels#envoyerEnAttente() themselves.
            "spring.mail.host=",
            "fabriques.notifications.serveur-local.port=0",
            "fabriques.notifications.serveur-local.repertoire=target/courriels-it",
            "fabriques.notifications.envoi-automatique=false",
            // Lower than the defaults, so that the tests that exhaust a limit stay short (counters reset before each test).
            "fabriques.limites.depots.capacite=200",
            "fabriques.limites.envois.capacite=600",
            // The programme ends after every wave the tests open (their codes run up to 2039, CalendrierProgrammeIT uses 2040):
            // CalendrierProgrammeIT checks that no wave opens on its own after it.
            "fabriques.programme.fin=2040-12-31",
            // démarches-simplifiées: the connector against its simulator (127.0.0.1, free port), empty: DsIT fills and drives it.
            "fabriques.ds.simulateur=true",
            "fabriques.ds.simulateur-exemples=false"
        })
public @interface IntegrationTest {
}
