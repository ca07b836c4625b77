package fr.gouv.fabriques.integration;

import static fr.gouv.fabriques.integration.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The migration of running instances to a new process version over HTTP (README « Nouvelle version d'un
 * processus : migrer les dossiers en cours »): versions and counts, the plan, the French 422s naming the
 * field, the launch journaled, the batch run, the report; the pages; 403 for an instructor. On the small
 * « annulation-dossier » process, whose test instances go with the test's deployments.
 */
@IntegrationTest
class VersionsProcessusIT {

    static final String CLE = "annulation-dossier";

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService depots;
    @Autowired
    RuntimeService execution;
    @Autowired
    ManagementService gestion;
    @Autowired
    TaskService taches;
    @Autowired
    FormService formulaires;

    Http http;
    final List<String> deploiements = new ArrayList<>();
    int source;
    int cible;
    String a;
    String b;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        String suffixe = String.valueOf(System.nanoTime() % 100000);
        a = "FDT-2099-1" + suffixe;
        b = "FDT-2099-2" + suffixe;
        source = depots.createProcessDefinitionQuery().processDefinitionKey("Process_AnnulationDossier").latestVersion().singleResult().getVersion();
        execution.startProcessInstanceByKey("Process_AnnulationDossier", a, Map.of("numero", a));
        execution.startProcessInstanceByKey("Process_AnnulationDossier", b, Map.of("numero", b));
        cible = deployer("it-migration", true);
    }

    @AfterEach
    void menage() {
        // The test's instances, migrated onto the test's versions, go with them.
        deploiements.forEach(id -> depots.deleteDeployment(id, true));
        for (String cle : List.of(a, b)) {
            execution.createProcessInstanceQuery().processInstanceBusinessKey(cle).list()
                    .forEach(pi -> execution.deleteProcessInstance(pi.getId(), "fin du test", true, true));
        }
    }

    @Test
    void unGestionnaireVoitLePlanLanceLaMigrationEtSuitSonLot() {
        JsonNode versions = http.get("/api/agents/versions", basic("gestionnaire")).json();
        JsonNode annulation = null;
        for (JsonNode p : versions) {
            if (p.get("cle").asText().equals(CLE)) {
                annulation = p;
            }
        }
        assertThat(annulation).isNotNull();
        assertThat(annulation.get("cleMoteur").asText()).isEqualTo("Process_AnnulationDossier");
        assertThat(annulation.get("versions").get(0).get("version").asInt()).isEqualTo(cible);
        assertThat(annulation.get("versions").get(0).get("versionTag").asText()).isEqualTo("it-migration");
        assertThat(annulation.get("versions").get(1).get("instancesEnCours").asInt()).isGreaterThanOrEqualTo(2);

        Http.Reponse plan = http.get("/api/agents/versions/" + CLE + "/plan?source=" + source + "&cible=" + cible + "&clesMetier=" + a + "," + b,
                basic("gestionnaire"));
        assertThat(plan.statut()).as(plan.corps()).isEqualTo(200);
        assertThat(plan.json().get("valide").asBoolean()).isTrue();
        assertThat(plan.json().get("nombreInstances").asInt()).isEqualTo(2);
        assertThat(plan.json().get("erreurs")).isEmpty();
        assertThat(plan.json().get("sansCorrespondance")).isEmpty();
        assertThat(plan.json().get("correspondances").toString()).contains("UserTask_ValiderAnnulation", "Valider l'annulation du dossier");
        assertThat(plan.json().get("instances").toString()).contains(a, b, "Valider l'annulation du dossier");

        Http.Reponse lance = http.postJson("/api/agents/versions/" + CLE + "/migrations", Map.of("source", String.valueOf(source), "cible",
                String.valueOf(cible), "clesMetier", List.of(a, b), "motif", "Libellé corrigé de la tâche de validation"), basic("gestionnaire"));
        assertThat(lance.statut()).as(lance.corps()).isEqualTo(202);
        String rapport = lance.entete("Location");
        assertThat(lance.json().get("etat").asText()).isEqualTo("EN_COURS");
        assertThat(lance.json().get("nombreInstances").asInt()).isEqualTo(2);
        assertThat(lance.json().get("lanceePar").asText()).isEqualTo("gestionnaire");

        executerLot(lance.json().get("batchId").asText());
        JsonNode fini = http.get(rapport, basic("gestionnaire")).json();
        assertThat(fini.get("etat").asText()).isEqualTo("TERMINE");
        assertThat(fini.get("migrees").asInt()).isEqualTo(2);
        assertThat(fini.get("nonMigrees").asInt()).isZero();
        assertThat(fini.get("echecs").asInt()).isZero();
        assertThat(fini.get("versionSource").asInt()).isEqualTo(source);
        assertThat(fini.get("versionCible").asInt()).isEqualTo(cible);
        assertThat(fini.get("motif").asText()).isEqualTo("Libellé corrigé de la tâche de validation");
        assertThat(http.get("/api/agents/versions/migrations", basic("analyste")).json().toString()).contains(fini.get("batchId").asText());

        // The migrated task is on the new version and finds its form in that version's deployment.
        Task t = taches.createTaskQuery().processInstanceBusinessKey(a).singleResult();
        assertThat(depots.getProcessDefinition(t.getProcessDefinitionId()).getVersion()).isEqualTo(cible);
        try (InputStream f = formulaires.getDeployedTaskForm(t.getId())) {
            assertThat(new String(f.readAllBytes())).contains("valider-annulation");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void lesEntreesInvalidesSontRefuseesEn422NommantLeChamp() {
        Map<String, Object> bon = new HashMap<>(Map.of("source", String.valueOf(source), "cible", String.valueOf(cible), "clesMetier", List.of(a),
                "motif", "Libellé corrigé de la tâche"));
        assertChamp(http.postJson("/api/agents/versions/inconnu/migrations", bon, basic("gestionnaire")), "cle");
        assertChamp(http.postJson("/api/agents/versions/" + CLE + "/migrations", avec(bon, "source", "trois"), basic("gestionnaire")), "source");
        assertChamp(http.postJson("/api/agents/versions/" + CLE + "/migrations", avec(bon, "cible", "999"), basic("gestionnaire")), "cible");
        assertChamp(http.postJson("/api/agents/versions/" + CLE + "/migrations", avec(bon, "motif", "court"), basic("gestionnaire")), "motif");
        assertChamp(http.postJson("/api/agents/versions/" + CLE + "/migrations", avec(bon, "clesMetier", List.of("<script>")),
                basic("gestionnaire")), "clesMetier[0]");
        assertChamp(http.postJson("/api/agents/versions/" + CLE + "/migrations", avec(bon, "toutes", true), basic("gestionnaire")), "toutes");
        assertChamp(http.postJson("/api/agents/versions/" + CLE + "/migrations", avec(bon, "clesMetier", List.of("FDT-2099-0000001")),
                basic("gestionnaire")), "clesMetier");
        assertChamp(http.get("/api/agents/versions/" + CLE + "/plan?source=" + source, basic("gestionnaire")), "cible");
        // Nothing launched.
        assertThat(execution.createProcessInstanceQuery().processInstanceBusinessKey(a).singleResult().getProcessDefinitionId())
                .doesNotContain(":" + cible + ":");
    }

    /**
     * A version whose forms are missing never reaches the migration screen: the project's deployment rules refuse it
     * (doc/adr/0015), so no running dossier can be moved onto tasks without forms. The migration's own check of the
     * target's forms stays for the deployments made before those rules.
     */
    @Test
    void uneVersionSansSesFormulairesNeSeDeploiePas() {
        long versions = depots.createProcessDefinitionQuery().processDefinitionKey("Process_AnnulationDossier").count();
        assertThatThrownBy(() -> deployer("sans-formulaires", false))
                .hasMessageContaining("valider-annulation").hasMessageContaining("Rien n'a été déployé");
        assertThat(depots.createProcessDefinitionQuery().processDefinitionKey("Process_AnnulationDossier").count()).isEqualTo(versions);
    }

    @Test
    void unInstructeurNiVoitNiLanceDeMigration() {
        assertThat(http.get("/api/agents/versions", basic("instructeur")).statut()).isEqualTo(403);
        assertThat(http.get("/api/agents/versions/" + CLE + "/plan?source=" + source + "&cible=" + cible, basic("instructeur")).statut())
                .isEqualTo(403);
        assertThat(http.postJson("/api/agents/versions/" + CLE + "/migrations", Map.of("source", "1", "cible", "2", "toutes", true, "motif",
                "pas le droit de faire ça"), basic("instructeur")).statut()).isEqualTo(403);
        assertThat(http.get("/agents/versions", html("instructeur")).statut()).isEqualTo(403);
        // Analysts read, but do not launch.
        assertThat(http.get("/api/agents/versions", basic("analyste")).statut()).isEqualTo(200);
        assertThat(http.postJson("/api/agents/versions/" + CLE + "/migrations", Map.of("source", "1", "cible", "2", "toutes", true, "motif",
                "pas le droit de faire ça"), basic("analyste")).statut()).isEqualTo(403);
    }

    @Test
    void lesPagesMontrentLePlanLancentParLeFormulaireEtMontrentLeRapport() {
        Http.Reponse liste = http.get("/agents/versions", html("gestionnaire"));
        assertThat(liste.statut()).isEqualTo(200);
        assertThat(liste.entete("Content-Security-Policy")).contains("form-action 'self'");
        // Under « no-referrer » a browser posts the form with « Origin: null », refused as from another site.
        assertThat(liste.entete("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(liste.corps()).contains("<meta name=\"referrer\" content=\"same-origin\">");
        assertThat(liste.corps()).contains("Versions des processus et migration des dossiers en cours", "Process_AnnulationDossier",
                "it-migration", "Voir le plan");

        Http.Reponse plan = http.get("/agents/versions/" + CLE + "/plan?source=" + source + "&cible=" + cible + "&clesMetier=" + a,
                html("gestionnaire"));
        assertThat(plan.statut()).as(plan.corps()).isEqualTo(200);
        assertThat(plan.corps()).contains("Plan valide", "Valider l&#39;annulation du dossier", a, "Migrer 1 instance(s) vers la version " + cible);

        Http.Reponse invalide = http.get("/agents/versions/" + CLE + "/plan?source=x&cible=" + cible, html("gestionnaire"));
        assertThat(invalide.statut()).isEqualTo(422);
        assertThat(invalide.corps()).contains("<strong>source</strong>", "entier positif");

        Map<String, String> formulaire = new HashMap<>(html("gestionnaire"));
        formulaire.put("Origin", "http://127.0.0.1:" + port);
        Http.Reponse lance = http.envoyer("POST", "/agents/versions/" + CLE + "/migrations", "source=" + source + "&cible=" + cible
                + "&clesMetier=" + a + "&motif=Libell%C3%A9+corrig%C3%A9+dans+la+page", "application/x-www-form-urlencoded", formulaire);
        assertThat(lance.statut()).as(lance.corps()).isEqualTo(303);
        String rapport = lance.entete("Location");
        assertThat(rapport).startsWith("/agents/versions/migrations/");
        Http.Reponse enCours = http.get(rapport, html("gestionnaire"));
        assertThat(enCours.corps()).contains("en cours", "Libellé corrigé dans la page", "gestionnaire");
        executerLot(http.get("/api/agents/versions/migrations/" + rapport.substring(rapport.lastIndexOf('/') + 1), basic("gestionnaire"))
                .json().get("batchId").asText());
        Http.Reponse termine = http.get(rapport, html("gestionnaire"));
        assertThat(termine.corps()).contains("terminé");
        assertThat(http.get("/agents/versions", html("analyste")).corps()).contains("Journal des migrations", rapport);
    }

    // --- Helpers ---------------------------------------------------------------------------

    private static Map<String, String> html(String utilisateur) {
        Map<String, String> e = new HashMap<>(basic(utilisateur));
        e.put("Accept", "text/html");
        return e;
    }

    private static Map<String, Object> avec(Map<String, Object> corps, String champ, Object valeur) {
        Map<String, Object> m = new HashMap<>(corps);
        m.put(champ, valeur);
        return m;
    }

    private static void assertChamp(Http.Reponse r, String champ) {
        assertThat(r.statut()).as(r.corps()).isEqualTo(422);
        assertThat(r.entete("Content-Type")).startsWith("application/problem+json");
        List<String> champs = new ArrayList<>();
        r.json().get("erreurs").forEach(e -> champs.add(e.get("champ").asText()));
        assertThat(champs).as(r.corps()).contains(champ);
    }

    /** The job executor is off in the tests: seed job, migration jobs, monitor job, run in turn. */
    private void executerLot(String batchId) {
        for (int tour = 0; tour < 20; tour++) {
            Batch lot = gestion.createBatchQuery().batchId(batchId).singleResult();
            if (lot == null) {
                return;
            }
            List<Job> jobs = new ArrayList<>();
            for (String definition : List.of(lot.getSeedJobDefinitionId(), lot.getBatchJobDefinitionId(), lot.getMonitorJobDefinitionId())) {
                jobs.addAll(gestion.createJobQuery().jobDefinitionId(definition).list());
            }
            jobs.forEach(j -> gestion.executeJob(j.getId()));
        }
        throw new AssertionError("le lot " + batchId + " ne se termine pas");
    }

    /** annulation-dossier.bpmn again (another versionTag), with the forms of forms/ or without them; its version. */
    private int deployer(String versionTag, boolean avecFormulaires) {
        try {
            String bpmn = Files.readString(Path.of("bpmn/annulation-dossier.bpmn")).replaceFirst("isExecutable=\"true\"",
                    "isExecutable=\"true\" camunda:versionTag=\"" + versionTag + "\"");
            DeploymentBuilder d = depots.createDeployment().name(versionTag).addString("annulation-dossier.bpmn", bpmn);
            if (avecFormulaires) {
                try (Stream<Path> fichiers = Files.list(Path.of("forms"))) {
                    for (Path f : fichiers.filter(p -> p.toString().endsWith(".form")).toList()) {
                        d.addString(f.getFileName().toString(), Files.readString(f));
                    }
                }
            }
            String id = d.deploy().getId();
            deploiements.add(id);
            return depots.createProcessDefinitionQuery().deploymentId(id).singleResult().getVersion();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
