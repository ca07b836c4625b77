package fr.gouv.fabriques.integration;

import static fr.gouv.fabriques.integration.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gouv.fabriques.essais.MoteurEssais;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue « Errors leak nothing », on the engine's REST API: /engine-rest and the webapps' copy of it
 * (/camunda/api/engine, what Tasklist calls) answer an engine fault with a French message and an
 * identifier that is in the log, a concurrent change with a 409, a refusal (404, 403, 400) in French —
 * never SQL, a class name or the engine's English. Over HTTP, with the demo accounts.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ErreursMoteurIT {

    private static final String MODELE = "modeles-test/test-erreurs-moteur.bpmn";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    MoteurEssais essais;

    Http http;
    String deploiement;
    String instance;
    String tacheConflit;
    String tachePanne;

    @BeforeEach
    void deployer() {
        http = new Http(port);
        // Test-only model: its task listeners call the test bean moteurEssais (a failing « delegate », a rendezvous).
        deploiement = engine.getRepositoryService().createDeployment().name("test-erreurs-moteur").addClasspathResource(MODELE).deploy().getId();
        instance = engine.getRuntimeService().startProcessInstanceByKey("Process_TestErreursMoteur").getId();
        tacheConflit = tache("UserTask_Conflit");
        tachePanne = tache("UserTask_Panne");
    }

    @AfterEach
    void nettoyer() {
        essais.desarmer();
        engine.getRepositoryService().deleteDeployment(deploiement, true);
    }

    private String tache(String cle) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey(cle).singleResult().getId();
    }

    /** The engine's JSON shape, with a neutral type and a French message, nothing internal. */
    private static JsonNode reponseFrancaise(int statut, int attendu, String corps, String type) throws Exception {
        assertThat(statut).as(corps).isEqualTo(attendu);
        for (String interne : ErreursIT.INTERNES) {
            assertThat(corps).as("« " + interne + " » dans " + corps).doesNotContain(interne);
        }
        assertThat(corps).doesNotContain("ENGINE-").doesNotContain("Cannot ").doesNotContain("No matching").doesNotContain("does not have")
                .doesNotContain(MoteurEssais.SECRET);
        JsonNode n = Http.JSON.readTree(corps);
        assertThat(n.get("type").asText()).isEqualTo(type);
        return n;
    }

    private static JsonNode reponseFrancaise(Http.Reponse r, int attendu, String type) throws Exception {
        return reponseFrancaise(r.statut(), attendu, r.corps(), type);
    }

    @Test
    void unePanneDuMoteurDonneUn500AvecUnIdentifiantQuiMeneAuJournal(CapturedOutput journal) throws Exception {
        Http.Reponse r = http.postJson("/engine-rest/task/" + tachePanne + "/complete", Map.of(), basic("instructeur"));
        JsonNode n = reponseFrancaise(r, 500, "ErreurInterne");
        String id = n.get("identifiantErreur").asText();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(n.get("message").asText()).startsWith("Une erreur inattendue a empêché de traiter la demande").contains(id);
        assertThat(journal.getOut()).contains("Erreur inattendue " + id + " sur POST /engine-rest/task/" + tachePanne + "/complete")
                .contains(MoteurEssais.SECRET);
        // Nothing was written: the task is still there.
        assertThat(http.get("/engine-rest/task/" + tachePanne, basic("instructeur")).statut()).isEqualTo(200);
    }

    @Test
    void deuxAgentsQuiTerminentLaMemeTacheEnMemeTempsLeSecondRecoitUn409(CapturedOutput journal) throws Exception {
        // Both completions read the task, then meet in its listener, inside their transactions: the second to write loses.
        essais.armer(2);
        CompletableFuture<Http.Reponse> a = CompletableFuture.supplyAsync(() ->
                http.postJson("/engine-rest/task/" + tacheConflit + "/complete", Map.of(), basic("instructeur")));
        CompletableFuture<Http.Reponse> b = CompletableFuture.supplyAsync(() ->
                http.postJson("/engine-rest/task/" + tacheConflit + "/complete", Map.of(), basic("instructeur2")));
        List<Http.Reponse> reponses = List.of(a.get(), b.get());
        assertThat(reponses).extracting(Http.Reponse::statut).as(reponses.toString()).containsExactlyInAnyOrder(204, 409);
        Http.Reponse conflit = reponses.stream().filter(r -> r.statut() == 409).findFirst().orElseThrow();
        JsonNode n = reponseFrancaise(conflit, 409, "ModificationConcurrente");
        assertThat(n.get("message").asText()).isEqualTo("La tâche « " + tacheConflit + " » a été modifiée entre-temps par une autre personne ou "
                + "un autre traitement : votre demande n'a pas été enregistrée. Rechargez et recommencez.");
        assertThat(n.get("code").asInt()).as("le code du moteur pour un verrou optimiste").isEqualTo(1);
        assertThat(journal.getOut()).contains("Modification concurrente " + n.get("identifiantErreur").asText());
        assertThat(engine.getTaskService().createTaskQuery().taskId(tacheConflit).count()).as("terminée une fois").isZero();
    }

    @Test
    void uneTacheDejaPriseDonne409() throws Exception {
        assertThat(http.postJson("/engine-rest/task/" + tacheConflit + "/claim", Map.of("userId", "instructeur"), basic("instructeur")).statut())
                .isEqualTo(204);
        Http.Reponse r = http.postJson("/engine-rest/task/" + tacheConflit + "/claim", Map.of("userId", "instructeur2"), basic("instructeur2"));
        assertThat(reponseFrancaise(r, 409, "TacheDejaPrise").get("message").asText())
                .isEqualTo("La tâche « " + tacheConflit + " » est déjà prise en charge par une autre personne : rechargez la liste des tâches.");
    }

    @Test
    void lesRefusDuMoteurSontEnFrancais() throws Exception {
        Http.Reponse r = http.get("/engine-rest/task/tache-inconnue", basic("instructeur"));
        assertThat(reponseFrancaise(r, 404, "Introuvable").get("message").asText())
                .isEqualTo("Tâche « tache-inconnue » introuvable : l'identifiant est inconnu, ou l'élément a été terminé ou supprimé entre-temps.");
        // The engine answers 500 for completing an unknown task: a 404 too.
        r = http.postJson("/engine-rest/task/tache-inconnue/complete", Map.of(), basic("instructeur"));
        assertThat(reponseFrancaise(r, 404, "Introuvable").get("message").asText()).startsWith("Tâche « tache-inconnue » introuvable");

        r = http.envoyer("DELETE", "/engine-rest/process-instance/" + instance, null, null, basic("instructeur"));
        JsonNode n = reponseFrancaise(r, 403, "AccesRefuse");
        assertThat(n.get("message").asText()).startsWith("Accès refusé : le compte « instructeur » n'a pas l'autorisation nécessaire")
                .contains("la permission DELETE sur l'instance de processus « " + instance + " »");
        assertThat(n.get("missingAuthorizations")).isNotEmpty();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count()).isEqualTo(1);

        r = http.postJson("/engine-rest/message", Map.of("messageName", "MessageInconnu"), basic("instructeur"));
        assertThat(reponseFrancaise(r, 400, "RequeteInvalide").get("message").asText())
                .isEqualTo("Requête refusée par le moteur de processus : aucun processus n'attend le message « MessageInconnu ».");
        r = http.get("/engine-rest/task?sortBy=nimportequoi&sortOrder=asc", basic("instructeur"));
        assertThat(reponseFrancaise(r, 400, "RequeteInvalide").get("message").asText()).contains("« sortBy »");
        r = http.envoyer("PUT", "/engine-rest/process-instance/" + instance + "/variables/x", "{\"value\":\"abc\",\"type\":\"Integer\"}",
                "application/json", basic("admin"));
        assertThat(reponseFrancaise(r, 400, "RequeteInvalide").get("message").asText()).contains("variable « x »");
    }

    @Test
    void unTelechargementReussiArriveEntier() throws Exception {
        String ressource = engine.getRepositoryService().getDeploymentResources(deploiement).get(0).getId();
        Http.ReponseOctets r = http.getOctets("/engine-rest/deployment/" + deploiement + "/resources/" + ressource + "/data", basic("analyste"));
        assertThat(r.statut()).isEqualTo(200);
        try (InputStream modele = getClass().getClassLoader().getResourceAsStream(MODELE)) {
            assertThat(r.corps()).isEqualTo(modele.readAllBytes());
        }
    }

    @Test
    void parLApiDesApplicationsWebCommeTasklist(CapturedOutput journal) throws Exception {
        String base = "http://127.0.0.1:" + port;
        Navigateur navigateur = new Navigateur();
        assertThat(navigateur.connecterTasklist(base, "instructeur", "demo")).isEqualTo(200);
        String api = base + "/camunda/api/engine/engine/default";

        HttpResponse<String> r = navigateur.envoyer(HttpRequest.newBuilder(URI.create(api + "/task/tache-inconnue"))
                .header("Accept", "application/json").GET());
        assertThat(reponseFrancaise(r.statusCode(), 404, r.body(), "Introuvable").get("message").asText())
                .startsWith("Tâche « tache-inconnue » introuvable");

        r = navigateur.postJson(api + "/task/" + tacheConflit + "/assignee", "{\"userId\":\"instructeur2\"}");
        assertThat(reponseFrancaise(r.statusCode(), 403, r.body(), "AccesRefuse").get("message").asText())
                .contains("la permission TASK_ASSIGN sur la tâche « " + tacheConflit + " »");

        r = navigateur.postJson(api + "/task/" + tachePanne + "/complete", "{}");
        JsonNode n = reponseFrancaise(r.statusCode(), 500, r.body(), "ErreurInterne");
        String id = n.get("identifiantErreur").asText();
        assertThat(n.get("message").asText()).contains(id);
        assertThat(journal.getOut()).contains("Erreur inattendue " + id).contains(MoteurEssais.SECRET);
    }
}
