package fr.gouv.fabriques.integration;

import static fr.gouv.fabriques.integration.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import fr.gouv.fabriques.FabriquesApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two more application nodes — two JVMs, as in production — start at the same time on the
 * database of the shared test context: nothing of the start-up work is done twice
 * (committee processes, groups, accounts, grants, filters), both serve the same data,
 * deposits go to each, and both job executors and mail senders run: each deposit's
 * eligibility runs once and each acknowledgement is sent once, none is lost.
 */
@IntegrationTest
class DeuxNoeudsIT {

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    /** A node is its own JVM, as in production: same classes, same database, its own engine, job executor and mail server. */
    private Process noeud(String nom, int portNoeud, Path courriels) throws IOException {
        HikariDataSource ds = (HikariDataSource) dataSource;
        List<String> commande = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", classpath(), FabriquesApplication.class.getName(),
                "--spring.datasource.url=" + ds.getJdbcUrl(), "--spring.datasource.username=" + ds.getUsername(),
                "--spring.datasource.password=" + ds.getPassword(), "--server.port=" + portNoeud, "--server.address=127.0.0.1",
                "--spring.mail.host=", "--fabriques.notifications.serveur-local.port=0",
                "--fabriques.notifications.serveur-local.repertoire=" + courriels, "--fabriques.notifications.intervalle=PT1S",
                "--fabriques.notifications.delai-relance-initial=PT1S");
        // Its own working directory: an empty class-path entry would otherwise add the project's root (and its bpmn/ twice).
        return new ProcessBuilder(commande).directory(Files.createTempDirectory(nom).toFile()).redirectErrorStream(true)
                .redirectOutput(Path.of("target", nom + ".log").toAbsolutePath().toFile()).start();
    }

    private static String classpath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !e.isBlank() && !".".equals(e)).map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private static int portLibre() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void attendrePret(Http http, Process p, String nom) throws InterruptedException {
        long fin = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < fin) {
            if (!p.isAlive()) {
                throw new AssertionError(nom + " s'est arrêté au démarrage : voir target/" + nom + ".log");
            }
            try {
                if (http.get("/actuator/health/readiness", Map.of()).statut() == 200) {
                    return;
                }
            } catch (RuntimeException pasEncore) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError(nom + " pas prêt en 3 minutes : voir target/" + nom + ".log");
    }

    @Test
    void deuxNoeudsQuiDemarrentEnsembleNeFontRienDeuxFoisEtServentLesMemesDonnees() throws Exception {
        long groupes = compter("act_id_group");
        long utilisateurs = compter("act_id_user");
        long filtres = compter("act_ru_filter");
        long comites = comitesDesVagues();

        Path courriersB = Files.createTempDirectory("courriels-noeud-b");
        Path courriersC = Files.createTempDirectory("courriels-noeud-c");
        int portB = portLibre();
        int portC = portLibre();
        List<Process> noeuds = new ArrayList<>();
        try {
            noeuds.add(noeud("noeud-b", portB, courriersB));
            noeuds.add(noeud("noeud-c", portC, courriersC));
            Http b = new Http(portB);
            Http c = new Http(portC);
            attendrePret(b, noeuds.get(0), "noeud-b");
            attendrePret(c, noeuds.get(1), "noeud-c");

            assertThat(compter("act_id_group")).as("groupes").isEqualTo(groupes);
            assertThat(compter("act_id_user")).as("comptes").isEqualTo(utilisateurs);
            // Start-up may put grants back as they should be (other tests change them); it must never write one twice.
            assertThat(jdbc.sql("select count(*) from (select 1 from act_ru_authorization group by type_, group_id_, user_id_, resource_type_, "
                    + "resource_id_ having count(*) > 1) d").query(Long.class).single()).as("autorisations en double").isZero();
            assertThat(jdbc.sql("select count(*) from (select 1 from act_ru_filter where owner_ is null group by name_ having count(*) > 1) d")
                    .query(Long.class).single()).as("filtres partagés en double").isZero();
            assertThat(compter("act_ru_filter")).as("filtres").isEqualTo(filtres);
            // Both job executors run the shared database's due jobs too (a wave's deadline may create the next one):
            // what must never happen is a wave with two committee processes.
            assertThat(jdbc.sql("select count(*) from (select business_key_ from act_ru_execution where proc_def_id_ like "
                    + "'Process_ComiteVague:%' and parent_id_ is null group by business_key_ having count(*) > 1) d").query(Long.class).single())
                    .as("vagues à deux comités").isZero();
            assertThat(comitesDesVagues()).as("comités des vagues").isGreaterThanOrEqualTo(comites);

            // A wave opened on node B, deposits on B and C, read back on the shared node.
            String vague = Parcours.codeVague("FDT", 2032);
            assertThat(b.postJson("/api/agents/vagues", Map.of("code", vague, "appel", "FABRIQUES_TERRITOIRE",
                    "dateLimite", "2032-12-30T23:59:59+01:00"), basic("gestionnaire")).statut()).isEqualTo(201);
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

            // Both nodes run their job executor and their mail sender: each deposit's eligibility runs once, each
            // mail is sent once, by one node or the other, and none is lost.
            long fin = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            long enAttente = -1;
            while (System.nanoTime() < fin && enAttente != 0) {
                Thread.sleep(1000);
                enAttente = jdbc.sql("select count(*) from dossier d left join notification n on n.dossier_id = d.id where d.numero in (:n) "
                        + "and (d.statut = 'DEPOSE' or n.id is null or n.etat <> 'ENVOYE')").param("n", numeros).query(Long.class).single();
            }
            assertThat(enAttente).as("éligibilité faite et courriels envoyés pour chaque dépôt").isZero();
            List<String> messageIds = jdbc.sql("select n.message_id from notification n join dossier d on d.id = n.dossier_id "
                    + "where d.numero in (:n)").param("n", numeros).query(String.class).list();
            assertThat(messageIds).hasSizeGreaterThanOrEqualTo(4);
            List<String> recus = new ArrayList<>();
            try (Stream<Path> fb = Files.list(courriersB); Stream<Path> fc = Files.list(courriersC)) {
                Stream.concat(fb, fc).map(DeuxNoeudsIT::lire).forEach(texte -> messageIds.stream()
                        .filter(id -> texte.contains(id)).forEach(recus::add));
            }
            assertThat(recus).as("chaque courriel reçu une fois, tous nœuds confondus").containsExactlyInAnyOrderElementsOf(messageIds);
            assertThat(jdbc.sql("select count(*) from dossier where numero in (:n) and statut = 'DEPOSE'").param("n", numeros)
                    .query(Long.class).single()).as("l'éligibilité de chaque dépôt a tourné, sur un nœud").isZero();
        } finally {
            for (Process p : noeuds) {
                p.destroy();
            }
            for (Process p : noeuds) {
                if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }

    private static String lire(Path f) {
        try {
            return Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    private long comitesDesVagues() {
        return jdbc.sql("select count(*) from act_ru_execution where proc_def_id_ like 'Process_ComiteVague:%' and parent_id_ is null")
                .query(Long.class).single();
    }

    private long compter(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
