package fr.gouv.fabriques.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.gouv.fabriques.FabriquesApplication;
import fr.gouv.fabriques.persistence.PostgresEmbarque;
import java.io.File;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database stopped and restarted under a running application: readiness DOWN then UP by itself,
 * liveness UP throughout, requests answered 503 in French then served again, nothing half-written, and a
 * graceful stop that completes in seconds with the database gone. Not the shared context of
 * {@link IntegrationTest}: its own PostgreSQL, which it stops, and its own application, which it closes.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class BaseDeDonneesArreteeIT {

    private final File donnees = new File("target/postgres-panne/donnees").getAbsoluteFile();
    private final File binaires = new File(donnees.getParentFile(), "postgres-binaires");

    @Test
    void laBaseArreteePuisRevenueSousUneApplicationEnMarche() throws Exception {
        PostgresEmbarque pg = PostgresEmbarque.demarrer(donnees, binaires, 0, true);
        int portBase = pg.port();
        String url = pg.jdbcUrl();
        ConfigurableApplicationContext app = null;
        try {
            // Command-line arguments: above application.yaml (server.port=${PORT:8080}) and the environment.
            app = new SpringApplicationBuilder(FabriquesApplication.class).run(
                    "--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                    "--server.port=0",
                    "--camunda.bpm.generate-unique-process-engine-name=true",
                    "--camunda.bpm.webapp.enabled=false",
                    "--spring.mail.host=",
                    "--fabriques.notifications.serveur-local.port=0",
                    "--fabriques.notifications.serveur-local.repertoire=target/courriels-panne");
            Http http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());

            // A dead node's jobs are taken again within a minute: lock expiry plus the longest idle wait of the acquisition.
            JobExecutor jobs = app.getBean(ProcessEngineConfigurationImpl.class).getJobExecutor();
            assertThat(jobs.getLockTimeInMillis() + jobs.getMaxWait()).as("reprise des jobs d'un nœud mort").isLessThanOrEqualTo(60_000);

            ObjectNode premier = Depots.valide();
            Http.Reponse depot = http.postJson("/api/dossiers", premier, Map.of());
            assertThat(depot.statut()).as(depot.corps()).isEqualTo(201);
            String numero = depot.json().get("numero").asText();
            Map<String, String> jeton = Http.bearer(depot.json().get("jetonAcces").asText());
            assertThat(http.get("/actuator/health/readiness", Map.of()).statut()).isEqualTo(200);
            int dossiersAvant = compterDossiers(url);

            // --- the database goes away
            pg.close();
            long arret = System.nanoTime();
            long delaiNonPret = attendre(http, "/actuator/health/readiness", s -> s == 503);
            System.out.printf("[mesure] readiness DOWN %d ms après l'arrêt de PostgreSQL%n", delaiNonPret);
            assertThat(delaiNonPret).as("readiness DOWN en quelques secondes").isLessThan(15_000);

            long t = System.nanoTime();
            assertThat(http.get("/actuator/health/liveness", Map.of()).statut()).as("le processus est vivant").isEqualTo(200);
            assertThat(http.get("/actuator/health", Map.of()).statut()).isEqualTo(503);
            System.out.printf("[mesure] liveness + health répondus en %d ms, base arrêtée%n", ms(t));

            t = System.nanoTime();
            Http.Reponse lecture = http.get("/api/dossiers/" + numero, jeton);
            long dureeLecture = ms(t);
            System.out.printf("[mesure] requête refusée en %d ms, base arrêtée%n", dureeLecture);
            verifier503(lecture);
            assertThat(dureeLecture).as("échec rapide (attente de connexion bornée)").isLessThan(10_000);

            ObjectNode second = Depots.valide();
            Map<String, String> cle = Map.of("Idempotency-Key", "panne-" + second.get("structure").get("siret").asText());
            verifier503(http.postJson("/api/dossiers", second, cle));
            // through the engine (accounts in the engine's tables): the engine's wrapping of the failure, 503 too
            verifier503(http.get("/api/agents/vagues", Http.basic("gestionnaire")));

            // --- it comes back, on the same port and data: the pool reconnects by itself
            pg = PostgresEmbarque.demarrer(donnees, binaires, portBase, false);
            assertThat(pg.reprise()).isEqualTo(PostgresEmbarque.Reprise.ARRET_PROPRE);
            long delaiPret = attendre(http, "/actuator/health/readiness", s -> s == 200);
            System.out.printf("[mesure] readiness UP %d ms après le retour de PostgreSQL%n", delaiPret);

            assertThat(http.get("/api/dossiers/" + numero, jeton).statut()).isEqualTo(200);
            assertThat(compterDossiers(url)).as("rien d'écrit pendant la panne").isEqualTo(dossiersAvant);
            Http.Reponse reprise = http.postJson("/api/dossiers", second, cle);
            assertThat(reprise.statut()).as(reprise.corps()).isEqualTo(201);
            assertThat(reprise.entete("Idempotent-Replayed")).as("un vrai dépôt, pas le rejeu d'un dépôt à moitié fait").isNotEqualTo("true");
            assertThat(compterDossiers(url)).isEqualTo(dossiersAvant + 1);
            assertThat(http.get("/api/agents/vagues", Http.basic("gestionnaire")).statut()).isEqualTo(200);

            // --- a graceful stop with the database gone completes in seconds (job executor, scheduled tasks, pool)
            pg.close();
            attendre(http, "/actuator/health/readiness", s -> s == 503);
            t = System.nanoTime();
            app.close();
            long dureeArret = ms(t);
            app = null;
            System.out.printf("[mesure] arrêt gracieux de l'application en %d ms, base arrêtée%n", dureeArret);
            assertThat(dureeArret).as("arrêt en quelques secondes").isLessThan(30_000);
        } finally {
            if (app != null) {
                app.close();
            }
            pg.close();
        }
    }

    private static void verifier503(Http.Reponse r) {
        assertThat(r.statut()).as(r.corps()).isEqualTo(503);
        assertThat(r.entete("Content-Type")).startsWith("application/problem+json");
        assertThat(r.entete("Retry-After")).isNotNull();
        assertThat(r.json().get("title").asText()).isEqualTo("Service momentanément indisponible");
        assertThat(r.json().get("detail").asText()).contains("base de données", "Réessayez");
        assertThat(r.corps()).doesNotContainIgnoringCase("sql").doesNotContainIgnoringCase("exception")
                .doesNotContain("org.", "Hikari", "jdbc", "postgres", "select");
    }

    /** Milliseconds until the endpoint answers a status that fits, polled every 200 ms. */
    private static long attendre(Http http, String chemin, IntPredicate statutAttendu) throws InterruptedException {
        long debut = System.nanoTime();
        while (!statutAttendu.test(http.get(chemin, Map.of()).statut())) {
            assertThat(ms(debut)).as("attente de " + chemin).isLessThan(60_000);
            Thread.sleep(200);
        }
        return ms(debut);
    }

    private static long ms(long depuis) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - depuis);
    }

    private static int compterDossiers(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                PreparedStatement s = c.prepareStatement("select count(*) from dossier"); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getInt(1);
        }
    }
}
