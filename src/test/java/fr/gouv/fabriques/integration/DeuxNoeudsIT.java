package fr.gouv.fabriques.integration;

import static fr.gouv.fabriques.integration.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import fr.gouv.fabriques.FabriquesApplication;
import fr.gouv.fabriques.application.notification.EnvoyerCourriels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two more application nodes start at the same time on the database of the shared test
 * context: nothing of the start-up work is done twice (committee processes, groups,
 * accounts, grants, filters, programme), and both serve the same data. Deposits go to
 * each node, the wave's committee is closed on one and prepared on the other, and the mail
 * outbox is drained by both at once: each mail is sent once, none is lost.
 */
@IntegrationTest
class DeuxNoeudsIT {

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    private ConfigurableApplicationContext noeud(String nom) {
        HikariDataSource ds = (HikariDataSource) dataSource;
        // Command-line arguments: they win over application.yaml, as on a real node.
        return new SpringApplicationBuilder(FabriquesApplication.class).run(
                "--spring.datasource.url=" + ds.getJdbcUrl(), "--spring.datasource.username=" + ds.getUsername(),
                "--spring.datasource.password=" + ds.getPassword(), "--server.port=0", "--camunda.bpm.process-engine-name=" + nom,
                "--camunda.bpm.generate-unique-process-engine-name=false", "--camunda.bpm.job-execution.enabled=false",
                "--fabriques.planification.active=false", "--spring.mail.host=", "--fabriques.notifications.serveur-local.port=0",
                "--fabriques.notifications.serveur-local.repertoire=target/courriels-it-" + nom, "--fabriques.notifications.envoi-automatique=false",
                "--spring.jmx.enabled=false");
    }

    @Test
    void deuxNoeudsQuiDemarrentEnsembleNeFontRienDeuxFoisEtServentLesMemesDonnees() throws Exception {
        long groupes = compter("act_id_group");
        long utilisateurs = compter("act_id_user");
        long autorisations = compter("act_ru_authorization");
        long filtres = compter("act_ru_filter");
        long comites = jdbc.sql("select count(*) from act_ru_execution where proc_def_id_ like 'Process_ComiteVague:%' and parent_id_ is null")
                .query(Long.class).single();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<ConfigurableApplicationContext>> demarrages = new ArrayList<>();
        for (String nom : List.of("noeud-b", "noeud-c")) {
            demarrages.add(pool.submit((Callable<ConfigurableApplicationContext>) () -> noeud(nom)));
        }
        List<ConfigurableApplicationContext> noeuds = new ArrayList<>();
        try {
            for (Future<ConfigurableApplicationContext> f : demarrages) {
                noeuds.add(f.get());
            }
            assertThat(compter("act_id_group")).as("groupes").isEqualTo(groupes);
            assertThat(compter("act_id_user")).as("comptes").isEqualTo(utilisateurs);
            assertThat(compter("act_ru_authorization")).as("autorisations").isEqualTo(autorisations);
            assertThat(compter("act_ru_filter")).as("filtres").isEqualTo(filtres);
            assertThat(jdbc.sql("select count(*) from act_ru_execution where proc_def_id_ like 'Process_ComiteVague:%' and parent_id_ is null")
                    .query(Long.class).single()).as("comités des vagues").isEqualTo(comites);
            assertThat(jdbc.sql("select count(*) from (select business_key_ from act_ru_execution where proc_def_id_ like 'Process_ComiteVague:%' "
                    + "and parent_id_ is null group by business_key_ having count(*) > 1) d").query(Long.class).single()).isZero();

            // A wave opened on node B, deposits on B and C, read back on the shared node.
            Http b = new Http(portDe(noeuds.get(0)));
            Http c = new Http(portDe(noeuds.get(1)));
            String vague = Parcours.codeVague("FDT", 2034);
            assertThat(b.postJson("/api/agents/vagues", Map.of("code", vague, "appel", "FABRIQUES_TERRITOIRE",
                    "dateLimite", "2034-12-30T23:59:59+01:00"), basic("gestionnaire")).statut()).isEqualTo(201);
            List<String> numeros = new ArrayList<>();
            for (Http noeud : List.of(b, c, b, c)) {
                var depot = Depots.valide();
                depot.put("vague", vague);
                Http.Reponse r = noeud.postJson("/api/dossiers", depot, Map.of());
                assertThat(r.statut()).as(r.corps()).isEqualTo(201);
                numeros.add(r.json().get("numero").asText());
            }
            assertThat(numeros).doesNotHaveDuplicates();
            assertThat(new Http(port).get("/api/agents/vagues", basic("gestionnaire")).corps()).contains(vague);
            assertThat(jdbc.sql("select count(*) from act_ru_execution where business_key_ = ? and parent_id_ is null").param(vague)
                    .query(Long.class).single()).as("un seul comité pour la vague").isEqualTo(1);

            // The outbox drained by both nodes at once: one acknowledgement per deposit, sent once.
            List<Future<Integer>> envois = new ArrayList<>();
            for (ConfigurableApplicationContext n : noeuds) {
                envois.add(pool.submit(() -> n.getBean(EnvoyerCourriels.class).envoyerEnAttente()));
            }
            int envoyes = 0;
            for (Future<Integer> f : envois) {
                envoyes += f.get();
            }
            long accuses = jdbc.sql("select count(*) from notification n join dossier d on d.id = n.dossier_id where d.numero in (:n) "
                    + "and n.type = 'DEPOT' and n.etat = 'ENVOYE'").param("n", numeros).query(Long.class).single();
            assertThat(accuses).as("chaque accusé de dépôt envoyé, une fois").isEqualTo(4);
            assertThat(envoyes).isGreaterThanOrEqualTo(4);
        } finally {
            noeuds.forEach(ConfigurableApplicationContext::close);
            pool.shutdownNow();
        }
    }

    private static int portDe(ConfigurableApplicationContext contexte) {
        return ((WebServerApplicationContext) contexte).getWebServer().getPort();
    }

    private long compter(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
