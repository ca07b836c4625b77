package fr.gouv.fabriques.integration;

import static fr.gouv.fabriques.integration.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
        // C1 only (a test setting, not the production launch): two nodes start side by side on the cores of the shared
        // node, and start-up is most of their life here.
        List<String> commande = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-XX:TieredStopAtLevel=1", "-cp", classpath(), FabriquesApplication.class.getName(),
                "--spring.datasource.url=" + ds.getJdbcUrl(), "--spring.datasource.username=" + ds.getUsername(),
                "--spring.datasource.password=" + ds.getPassword(), "--server.port=" + portNoeud, "--server.address=127.0.0.1",
                "--spring.mail.host=", "--fabriques.notifications.serveur-local.port=0",
                "--fabriques.notifications.serveur-local.repertoire=" + courriels, "--fabriques.notifications.intervalle=PT1S",
                "--fabriques.notifications.delai-relance-initial=PT1S",
                // A job created on one node is taken by another after at most the idle wait of its acquisition (10 s in
                // production, application.yaml): 1 s here, so that the walk below does not wait for it at each step.
                "--camunda.bpm.job-execution.max-wait=1000",
                // The same programme as the shared node's (IntegrationTest): its waves run up to 2040.
                "--fabriques.programme.fin=2040-12-31");
        // Its own working directory: an empty class-path entry would otherwise add the project's root (and its bpmn/ twice).
        return new ProcessBuilder(commande).directory(Files.createTempDirectory(nom).toFile()).redirectErrorStream(true)
                .redirectOutput(Path.of("target", nom + ".log").toAbsolutePath().toFile()).start();
    }

    /**
     * The application's class path without the tests' own classes and resources: a node is the production application.
     */
    private static String classpath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !e.isBlank() && !".".equals(e) && !Path.of(e).endsWith("test-classes"))
                .map(e -> Path.of(e).toAbsolutePath().toString())
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
            Map<String, String> jetons = new java.util.HashMap<>();
            for (Http noeud : List.of(b, c, b, c)) {
                var depot = Depots.valide();
                depot.put("vague", vague);
                Http.Reponse r = noeud.postJson("/api/dossiers", depot, Map.of());
                assertThat(r.statut()).as(r.corps()).isEqualTo(201);
                numeros.add(r.json().get("numero").asText());
                jetons.put(r.json().get("numero").asText(), r.json().get("jetonAcces").asText());
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

            // The wave's committee driven through both nodes: instruction alternately on B and C, closing on B, the
            // session prepared on C, decisions in bulk on B, stop on C; the background steps (decision tasks, join,
            // publication) run on whichever node's job executor takes them. One publication, every dossier decided once.
            List<Http> alternes = List.of(b, c);
            for (int i = 0; i < numeros.size(); i++) {
                Http n = alternes.get(i % 2);
                String d = numeros.get(i);
                soumettre(n, d, "UserTask_VerifierCompletude", "instructeur", Map.of("complet", "true"));
                soumettre(n, d, "UserTask_DonnerAvisTerritorial", "referent-58", Map.of("avisTerritorial", "FAVORABLE"));
                Map<String, Object> notes = new java.util.HashMap<>(Map.of("noteGouvernance", 4, "notePartenariats", 4, "noteBesoinLocal", 4,
                        "noteOffreServices", 4, "noteModeleEconomique", 4, "noteEmploi", 4));
                notes.putAll(Map.of("montantPropose1", 40000, "montantPropose2", 40000, "montantPropose3", 30000,
                        "motifProposition", "Projet solide et bien ancré", "absenceConflitInterets", true));
                soumettre(n, d, "UserTask_InstruireDossier", "instructeur", notes);
                soumettre(n, d, "UserTask_ValiderProposition", "gestionnaire", Map.of("propositionValidee", "true"));
            }
            assertThat(b.postJson("/api/agents/vagues/" + vague + "/cloture", Map.of(), basic("gestionnaire")).statut()).isEqualTo(200);
            soumettre(c, vague, "UserTask_PreparerSeance", "gestionnaire", Map.of("seancePreparee", true));
            attendre(() -> compterTaches(vague, "UserTask_DeciderDossier") == numeros.size(), "les tâches « Décider du dossier »");
            List<Map<String, Object>> decisions = new ArrayList<>();
            for (int i = 0; i < numeros.size(); i++) {
                decisions.add(i < 2 ? Map.of("numero", numeros.get(i), "decision", "LAUREAT", "montant1", 40000, "montant2", 40000, "montant3", 30000)
                        : Map.of("numero", numeros.get(i), "decision", "REFUSE", "motivation", "Places de la vague déjà attribuées"));
            }
            Http.Reponse enBloc = b.envoyer("PUT", "/api/agents/vagues/" + vague + "/decisions", Http.texte(decisions), "application/json",
                    basic("comite"));
            assertThat(enBloc.statut()).as(enBloc.corps()).isEqualTo(200);
            attendre(() -> compterTaches(vague, "UserTask_ArreterDecisions") == 1, "« Arrêter les décisions »");
            soumettre(c, vague, "UserTask_ArreterDecisions", "gestionnaire", Map.of("decisionsArretees", "true"));
            attendre(() -> "DELIBEREE".equals(jdbc.sql("select etat from vague where code = ?").param(vague).query(String.class).single()),
                    "la publication");
            assertThat(jdbc.sql("select count(*) from publication_vague where vague = ? and etat = 'PUBLIEE'").param(vague).query(Long.class)
                    .single()).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from evenement_dossier e join dossier d on d.id = e.dossier_id where d.numero in (:n) "
                    + "and e.type = 'DECISION_COMITE'").param("n", numeros).query(Long.class).single()).as("une décision par dossier").isEqualTo(4);
            assertThat(jdbc.sql("select statut from dossier where numero in (:n) order by numero").param("n", numeros).query(String.class).list())
                    .containsExactlyInAnyOrder("LAUREAT", "LAUREAT", "REFUSE", "REFUSE");

            // Payment orders through both nodes: each laureate signs on one node, the State signs on the other; the first
            // year is ordered on one node and validated on the other — for the second laureate, validated on both nodes
            // at once, as two agents' browsers would. Issuing runs on whichever job executor takes it: exactly one order
            // per laureate, one timeline entry, one mail of issue, none lost.
            List<String> laureats = numeros.subList(0, 2);
            for (int i = 0; i < laureats.size(); i++) {
                String d = laureats.get(i);
                Http un = alternes.get(i % 2);
                Http autre = alternes.get((i + 1) % 2);
                attendre(() -> "LAUREAT".equals(statut(d)) && convention(d), "la convention de " + d);
                Http.Reponse signature = new Televersements(un == b ? portB : portC).multipart("/api/dossiers/" + d + "/convention/signature",
                        new Televersements.Fichier("fichier", "convention-signee.pdf", "application/pdf",
                                Televersements.pdfSigne("Lu et approuvé, Camille Martin, présidente")),
                        Map.of("signataire", "Camille Martin, présidente"), Http.bearer(jetons.get(d)));
                assertThat(signature.statut()).as(signature.corps()).isEqualTo(200);
                soumettre(autre, d, "UserTask_SignerConventionEtat", "gestionnaire", Map.of("signatureEtat", true));
                soumettre(un, d, "UserTask_OrdonnancerVersement", "financier", Map.of("confirmationOrdonnancement", true));
            }
            soumettre(c, laureats.get(0), "UserTask_ValiderOrdreVersement", "financier2", Map.of("decisionOrdre", "VALIDE"));
            // The same validation submitted on B and C at the same moment: one wins, the other is refused; one order.
            String second = laureats.get(1);
            attendre(() -> compterTaches(second, "UserTask_ValiderOrdreVersement") == 1, "la validation de " + second);
            String idValidation = b.get("/engine-rest/task?processInstanceBusinessKey=" + second + "&taskDefinitionKey=UserTask_ValiderOrdreVersement",
                    basic("financier2")).json().get(0).get("id").asText();
            assertThat(b.postJson("/engine-rest/task/" + idValidation + "/claim", Map.of("userId", "financier2"), basic("financier2")).statut())
                    .isEqualTo(204);
            java.util.concurrent.CountDownLatch top = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService deuxAgents = java.util.concurrent.Executors.newFixedThreadPool(2);
            List<java.util.concurrent.Future<Http.Reponse>> envois = new ArrayList<>();
            for (Http noeud : List.of(b, c)) {
                envois.add(deuxAgents.submit(() -> {
                    top.await();
                    return noeud.postJson("/engine-rest/task/" + idValidation + "/submit-form",
                            Map.of("variables", Map.of("decisionOrdre", Map.of("value", "VALIDE"))), basic("financier2"));
                }));
            }
            top.countDown();
            List<Integer> statuts = new ArrayList<>();
            for (var f : envois) {
                Http.Reponse r = f.get();
                statuts.add(r.statut());
                assertThat(r.statut()).as(r.corps()).isLessThan(500);
            }
            deuxAgents.shutdown();
            assertThat(statuts).as("une validation acceptée, l'autre refusée").containsOnlyOnce(204);
            attendre(() -> jdbc.sql("select count(*) from versement v join dossier d on d.id = v.dossier_id where d.numero in (:n) "
                    + "and v.emis_le is not null").param("n", laureats).query(Long.class).single() == 2, "l'émission des deux ordres");
            Thread.sleep(2000);
            assertThat(jdbc.sql("select count(*) from versement v join dossier d on d.id = v.dossier_id where d.numero in (:n) "
                    + "and v.emis_le is not null").param("n", laureats).query(Long.class).single()).as("un ordre par lauréat").isEqualTo(2);
            assertThat(jdbc.sql("select count(*) from evenement_dossier e join dossier d on d.id = e.dossier_id where d.numero in (:n) "
                    + "and e.type = 'VERSEMENT_EMIS'").param("n", laureats).query(Long.class).single()).as("émis une fois chacun").isEqualTo(2);
            assertThat(jdbc.sql("select count(*) from evenement_dossier e join dossier d on d.id = e.dossier_id where d.numero in (:n) "
                    + "and e.type = 'VERSEMENT_VALIDE'").param("n", laureats).query(Long.class).single()).as("validé une fois chacun").isEqualTo(2);
            assertThat(jdbc.sql("select count(*) from versement v join dossier d on d.id = v.dossier_id where d.numero in (:n) "
                    + "and v.ordonnance_par = 'financier' and v.valide_par = 'financier2' and v.annee = 1").param("n", laureats)
                    .query(Long.class).single()).isEqualTo(2);
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

    /** What Tasklist does, through one node's engine REST: find the task, claim it, submit its form. */
    private void soumettre(Http noeud, String cleMetier, String cle, String utilisateur, Map<String, Object> valeurs) throws InterruptedException {
        attendre(() -> compterTaches(cleMetier, cle) == 1, cle + " de " + cleMetier);
        JsonNode t = noeud.get("/engine-rest/task?processInstanceBusinessKey=" + cleMetier + "&taskDefinitionKey=" + cle, basic(utilisateur)).json();
        assertThat(t).as(cle + " de " + cleMetier + " pour " + utilisateur).hasSize(1);
        String id = t.get(0).get("id").asText();
        assertThat(noeud.postJson("/engine-rest/task/" + id + "/claim", Map.of("userId", utilisateur), basic(utilisateur)).statut()).isEqualTo(204);
        Map<String, Object> variables = new java.util.LinkedHashMap<>();
        valeurs.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        Http.Reponse r = noeud.postJson("/engine-rest/task/" + id + "/submit-form", Map.of("variables", variables), basic(utilisateur));
        assertThat(r.statut()).as(cle + " : " + r.corps()).isEqualTo(204);
    }

    private String statut(String numero) {
        return jdbc.sql("select statut from dossier where numero = ?").param(numero).query(String.class).single();
    }

    /** The convention is drawn and its process waits for the applicant's signature. */
    private boolean convention(String numero) {
        return jdbc.sql("select count(*) from act_ru_execution x join act_ru_execution p on p.id_ = x.proc_inst_id_ "
                + "where p.business_key_ = ? and x.act_id_ = 'ReceiveTask_AttendreSignaturePorteur'").param(numero).query(Long.class).single() >= 1;
    }

    private long compterTaches(String cleMetier, String cle) {
        return jdbc.sql("select count(*) from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_ where e.business_key_ = ? "
                + "and t.task_def_key_ = ?").param(cleMetier).param(cle).query(Long.class).single();
    }

    private static void attendre(java.util.function.BooleanSupplier condition, String quoi) throws InterruptedException {
        long fin = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > fin) {
                throw new AssertionError(quoi + " : pas en 2 minutes");
            }
            Thread.sleep(250);
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
