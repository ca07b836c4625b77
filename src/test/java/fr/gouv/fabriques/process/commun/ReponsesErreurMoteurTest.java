package fr.gouv.fabriques.process.commun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The engine's error answers, as Camunda 7.24 gives them (bodies taken from the running application), rewritten. */
@ExtendWith(OutputCaptureExtension.class)
class ReponsesErreurMoteurTest {

    /** What no rewritten answer may show. */
    static final List<String> INTERNES = List.of("Exception", "ENGINE-", "org.", "java.", "select", "Cannot", "No matching",
            "does not have", "\tat ", "secret_moteur");

    final ReponsesErreurMoteur reponses = new ReponsesErreurMoteur();
    final ObjectMapper json = new ObjectMapper();

    private ReponsesErreurMoteur.Reecriture reecrire(int statut, String methode, String chemin, String corps) {
        return reponses.reecrire(statut, methode, "/engine-rest" + chemin, chemin, "application/json", corps.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode json(ReponsesErreurMoteur.Reecriture r) throws IOException {
        JsonNode n = json.readTree(r.corps());
        for (String interne : INTERNES) {
            assertThat(r.texte()).as("« " + interne + " » dans " + r.texte()).doesNotContain(interne);
        }
        return n;
    }

    // --- 5xx ---------------------------------------------------------------------------------

    @Test
    void unePanneDuMoteurDonneUn500AvecSonIdentifiantSeulEtLeCorpsDOrigineAuJournal(CapturedOutput journal) throws IOException {
        ReponsesErreurMoteur.Reecriture r = reecrire(500, "POST", "/task/t1/complete", "{\"type\":\"RestException\",\"message\":\"Cannot complete "
                + "task t1: ENGINE-03051 There was an exception while invoking the TaskListener. Message: 'java.lang.IllegalStateException: "
                + "org.example.DelegueInterne : select secret_moteur from table_interne_moteur'\",\"code\":0}");
        assertThat(r.statut()).isEqualTo(500);
        JsonNode n = json(r);
        String id = n.get("identifiantErreur").asText();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(n.get("type").asText()).isEqualTo("ErreurInterne");
        assertThat(n.get("message").asText()).startsWith("Une erreur inattendue a empêché de traiter la demande").contains(id);
        assertThat(n.get("code").asInt()).isZero();
        assertThat(journal.getOut()).contains("ERROR").contains("Erreur inattendue " + id + " sur POST /engine-rest/task/t1/complete")
                .contains("select secret_moteur from table_interne_moteur");
    }

    @Test
    void un5xxQuiNEstPasDuJsonOuVideEstRemplaceDeMeme() throws IOException {
        for (String corps : new String[] {"<html><body>java.lang.NullPointerException</body></html>", ""}) {
            ReponsesErreurMoteur.Reecriture r = reponses.reecrire(503, "GET", "/engine-rest/task", "/task", "text/html", corps.getBytes(StandardCharsets.UTF_8));
            assertThat(r.statut()).isEqualTo(503);
            assertThat(json(r).get("type").asText()).isEqualTo("ErreurInterne");
        }
    }

    @Test
    void unVerrouOptimisteDonne409EnFrancais(CapturedOutput journal) throws IOException {
        // Through complete: wrapped by the REST layer, code 1 (BuiltinExceptionCode.OPTIMISTIC_LOCKING).
        ReponsesErreurMoteur.Reecriture r = reecrire(500, "POST", "/task/t1/complete", "{\"type\":\"RestException\",\"message\":\"Cannot complete "
                + "task t1: ENGINE-03005 Execution of 'DELETE TaskEntity[t1]' failed. Entity was updated by another transaction concurrently.\",\"code\":1}");
        assertThat(r.statut()).isEqualTo(409);
        JsonNode n = json(r);
        assertThat(n.get("type").asText()).isEqualTo("ModificationConcurrente");
        assertThat(n.get("message").asText()).isEqualTo("La tâche « t1 » a été modifiée entre-temps par une autre personne ou un autre traitement : "
                + "votre demande n'a pas été enregistrée. Rechargez et recommencez.");
        assertThat(n.get("code").asInt()).isEqualTo(1);
        assertThat(journal.getOut()).contains("Modification concurrente " + n.get("identifiantErreur").asText()).contains("ENGINE-03005");

        // Unwrapped (claim, variables…), without code, or a deadlock: the same.
        for (String corps : new String[] {"{\"type\":\"OptimisticLockingException\",\"message\":\"ENGINE-03005 Execution of 'UPDATE "
                + "ExecutionEntity[e1]' failed.\",\"code\":null}", "{\"type\":\"ProcessEngineException\",\"message\":\"deadlock detected\",\"code\":10000}"}) {
            r = reecrire(500, "PUT", "/process-instance/p1/variables/x", corps);
            assertThat(r.statut()).isEqualTo(409);
            assertThat(json(r).get("message").asText()).startsWith("Les données ont été modifiées entre-temps par une autre personne ou un autre traitement");
        }
    }

    @Test
    void uneTacheDejaPriseDonne409() throws IOException {
        ReponsesErreurMoteur.Reecriture r = reecrire(500, "POST", "/task/t1/claim",
                "{\"type\":\"TaskAlreadyClaimedException\",\"message\":\"Task 't1' is already claimed by someone else.\",\"code\":0}");
        assertThat(r.statut()).isEqualTo(409);
        JsonNode n = json(r);
        assertThat(n.get("type").asText()).isEqualTo("TacheDejaPrise");
        assertThat(n.get("message").asText()).isEqualTo("La tâche « t1 » est déjà prise en charge par une autre personne : rechargez la liste des tâches.");
    }

    @Test
    void unIdentifiantInconnuQueLeMoteurRepondEn500DonneUn404() throws IOException {
        ReponsesErreurMoteur.Reecriture r = reecrire(500, "POST", "/task/inconnue/complete", "{\"type\":\"RestException\",\"message\":"
                + "\"Cannot complete task inconnue: Cannot find task with id inconnue: task is null\",\"code\":0}");
        assertThat(r.statut()).isEqualTo(404);
        assertThat(json(r).get("message").asText()).isEqualTo("Tâche « inconnue » introuvable : l'identifiant est inconnu, ou l'élément a été "
                + "terminé ou supprimé entre-temps.");
        r = reecrire(500, "GET", "/process-instance/p9/variables", "{\"type\":\"NullValueException\",\"message\":\"execution p9 doesn't exist: "
                + "execution is null\",\"code\":0}");
        assertThat(r.statut()).isEqualTo(404);
        assertThat(json(r).get("message").asText()).startsWith("Instance de processus « p9 » introuvable");
        // An id the caller did not send: a fault, not a 404.
        r = reecrire(500, "POST", "/task/t1/complete", "{\"type\":\"NullValueException\",\"message\":\"Cannot find execution with id e7: execution is null\"}");
        assertThat(r.statut()).isEqualTo(500);
        // Nor a listener's own message, though the engine's prefix names the task.
        r = reecrire(500, "POST", "/task/t1/complete", "{\"type\":\"RestException\",\"message\":\"Cannot complete task t1: ENGINE-03051 There "
                + "was an exception while invoking the TaskListener. Message: 'Cannot find dossier with id 42; resource does not exist'\"}");
        assertThat(r.statut()).isEqualTo(500);
    }

    // --- 4xx ---------------------------------------------------------------------------------

    @Test
    void les404DuMoteurDisentCeQuiEstIntrouvable() throws IOException {
        ReponsesErreurMoteur.Reecriture r = reecrire(404, "GET", "/task/inconnue",
                "{\"type\":\"InvalidRequestException\",\"message\":\"No matching task with id inconnue\",\"code\":null}");
        assertThat(r.statut()).isEqualTo(404);
        JsonNode n = json(r);
        assertThat(n.get("type").asText()).isEqualTo("Introuvable");
        assertThat(n.get("message").asText()).isEqualTo("Tâche « inconnue » introuvable : l'identifiant est inconnu, ou l'élément a été "
                + "terminé ou supprimé entre-temps.");
        assertThat(n.has("code")).isFalse();
        assertThat(n.has("identifiantErreur")).isFalse();

        assertThat(json(reecrire(404, "GET", "/process-definition/key/Inconnu", "{\"type\":\"RestException\",\"message\":\"No matching process "
                + "definition with key: Inconnu and no tenant-id\",\"code\":null}")).get("message").asText())
                .startsWith("Définition de processus de clé « Inconnu » introuvable");
        assertThat(json(reecrire(404, "GET", "/task/t1/variables/montant", "{\"type\":\"InvalidRequestException\",\"message\":\"task variable "
                + "with name montant does not exist\"}")).get("message").asText()).isEqualTo("Introuvable : « variables/montant » (Tâche « t1 »).");
        assertThat(json(reecrire(404, "GET", "/history/process-instance/p1/comment/c1", "{\"type\":\"InvalidRequestException\",\"message\":"
                + "\"x does not exist\"}")).get("message").asText()).isEqualTo("Introuvable : « comment/c1 » (Instance de processus (historique) « p1 »).");
        assertThat(json(reecrire(404, "GET", "/inexistant", "{\"type\":\"NotFoundException\",\"message\":\"HTTP 404 Not Found\",\"code\":null}"))
                .get("message").asText()).isEqualTo("Aucune ressource à cette adresse.");
    }

    @Test
    void un403DitLesPermissionsQuiManquentSansLAnglaisDuMoteur() throws IOException {
        ReponsesErreurMoteur.Reecriture r = reecrire(403, "DELETE", "/process-instance/p1", "{\"type\":\"AuthorizationException\",\"message\":"
                + "\"The user with id 'instructeur' does not have one of the following permissions: 'DELETE' permission on resource 'p1' of type "
                + "'ProcessInstance' or 'DELETE_INSTANCE' permission on resource 'Process_X' of type 'ProcessDefinition'\",\"code\":0,"
                + "\"userId\":\"instructeur\",\"resourceName\":null,\"resourceId\":null,\"permissionName\":null,\"missingAuthorizations\":["
                + "{\"permissionName\":\"DELETE\",\"resourceName\":\"ProcessInstance\",\"resourceId\":\"p1\"},"
                + "{\"permissionName\":\"DELETE_INSTANCE\",\"resourceName\":\"ProcessDefinition\",\"resourceId\":\"Process_X\"}]}");
        assertThat(r.statut()).isEqualTo(403);
        JsonNode n = json(r);
        assertThat(n.get("type").asText()).isEqualTo("AccesRefuse");
        assertThat(n.get("message").asText()).isEqualTo("Accès refusé : le compte « instructeur » n'a pas l'autorisation nécessaire pour cette "
                + "action ; il lui faudrait l'une de celles-ci : la permission DELETE sur l'instance de processus « p1 », ou la permission "
                + "DELETE_INSTANCE sur la définition de processus « Process_X ».");
        // The structured report stays, for the clients that read it.
        assertThat(n.get("missingAuthorizations")).hasSize(2);
        assertThat(n.get("userId").asText()).isEqualTo("instructeur");
        assertThat(n.has("resourceName")).as("null: left out").isFalse();

        n = json(reecrire(403, "GET", "/deployment", "{\"type\":\"AuthorizationException\",\"message\":\"The user with id 'x' does not have "
                + "'READ' permission on resource 'd1' of type 'Deployment'.\",\"userId\":\"x\",\"permissionName\":\"READ\",\"resourceName\":"
                + "\"Deployment\",\"resourceId\":\"d1\"}"));
        assertThat(n.get("message").asText()).endsWith("il lui faudrait la permission READ sur le déploiement « d1 ».");
    }

    @Test
    void lesVariablesDuFormulaireDUneTacheQuiNExistePlusSontUn404() throws IOException {
        ReponsesErreurMoteur.Reecriture r = reecrire(400, "GET", "/task/t1/form-variables",
                "{\"type\":\"InvalidRequestException\",\"message\":\"Cannot find task with id 't1'.: task is null\",\"code\":0}");
        assertThat(r.statut()).isEqualTo(404);
        assertThat(json(r).get("message").asText()).contains("« t1 »").contains("introuvable");
    }

    @Test
    void les400DuMoteurDeviennentFrancais() throws IOException {
        assertThat(message400("POST", "/message", "{\"type\":\"RestException\",\"message\":\"org.camunda.bpm.engine.MismatchingMessageCorrelationException: "
                + "Cannot correlate message 'Inconnu': No process definition or execution matches the parameters\",\"code\":0}"))
                .isEqualTo("Requête refusée par le moteur de processus : aucun processus n'attend le message « Inconnu ».");
        assertThat(message400("GET", "/task", "{\"type\":\"InvalidRequestException\",\"message\":\"Cannot set query parameter 'sortBy' to value 'foo'\"}"))
                .isEqualTo("Requête refusée par le moteur de processus : valeur invalide pour le paramètre « sortBy ».");
        assertThat(message400("GET", "/task/count", "{\"type\":\"InvalidRequestException\",\"message\":\"Cannot set query parameter 'dueDate' to "
                + "value 'abc': Cannot convert value \\\"abc\\\" to java type java.util.Date\"}"))
                .isEqualTo("Requête refusée par le moteur de processus : valeur invalide pour le paramètre « dueDate ».");
        assertThat(message400("PUT", "/process-instance/p1/variables/x", "{\"type\":\"InvalidRequestException\",\"message\":\"Cannot put process "
                + "instance variable x: Cannot convert value 'abc' of type 'Integer' to java type java.lang.Integer\"}"))
                .isEqualTo("Requête refusée par le moteur de processus : la valeur de la variable « x » est refusée (type annoncé incompatible ou non permis).");
        assertThat(message400("POST", "/task/t1/claim", "{\"type\":\"InvalidRequestException\",\"message\":\"\",\"code\":null}"))
                .isEqualTo("Requête refusée par le moteur de processus : vérifiez l'adresse, les paramètres et le corps de la requête.");
        assertThat(message400("POST", "/task/t1/submit-form", "{\"type\":\"RestException\",\"message\":\"Cannot submit task form t1: Invalid value "
                + "submitted for form field 'montant': validation of min(1) failed.\"}"))
                .isEqualTo("Requête refusée par le moteur de processus : valeur refusée pour le champ « montant ».");
        ReponsesErreurMoteur.Reecriture r = reecrire(400, "POST", "/deployment/create", "{\"type\":\"ParseException\",\"message\":\"ENGINE-09005 "
                + "Could not parse BPMN process. Errors: ...\",\"code\":0,\"details\":{\"a.bpmn\":{\"errors\":[{\"message\":\"x\",\"line\":3}]}}}");
        JsonNode n = json(r);
        assertThat(n.get("message").asText()).contains("un modèle déployé est invalide").contains("« details »");
        assertThat(n.get("details").get("a.bpmn").get("errors").get(0).get("line").asInt()).isEqualTo(3);
    }

    private String message400(String methode, String chemin, String corps) throws IOException {
        ReponsesErreurMoteur.Reecriture r = reecrire(400, methode, chemin, corps);
        assertThat(r.statut()).isEqualTo(400);
        JsonNode n = json(r);
        assertThat(n.get("type").asText()).isEqualTo("RequeteInvalide");
        return n.get("message").asText();
    }

    @Test
    void lesRefusDeFormulaireDeLApplicationRestentEnFrancaisSansLePrefixeDuMoteur() throws IOException {
        assertThat(reecrire(400, "POST", "/task/t1/submit-form", "{\"type\":\"RestException\",\"message\":\"Cannot submit task form t1: "
                + "montantPropose3 : reçu « dix »\",\"code\":0}").texte())
                .isEqualTo("{\"type\":\"RequeteInvalide\",\"message\":\"montantPropose3 : reçu « dix »\",\"code\":0}");
        assertThat(reecrire(400, "POST", "/task/t1/complete", "{\"type\":\"RestException\",\"message\":\"Cannot complete task t1: "
                + "Principe des quatre yeux : « gestionnaire » a instruit ce dossier\"}").texte())
                .isEqualTo("{\"type\":\"RequeteInvalide\",\"message\":\"Principe des quatre yeux : « gestionnaire » a instruit ce dossier\"}");
        // The prefix of another task, or on another request, is not the application's refusal: translated.
        assertThat(message400("POST", "/task/t1/submit-form", "{\"message\":\"Cannot submit task form t2: autre tâche\"}"))
                .startsWith("Requête refusée par le moteur de processus");
    }

    @Test
    void ceQuiNEstPasUneErreurDuMoteurResteTelQuel() {
        assertThat(reecrire(200, "GET", "/task", "[]")).isNull();
        assertThat(reecrire(204, "POST", "/task/t1/complete", "")).isNull();
        // The application's own French answers (the 401 and 429 of the authentication filter).
        assertThat(reponses.reecrire(401, "GET", "/engine-rest/task", "/task", "application/problem+json",
                "{\"title\":\"Authentification requise\",\"detail\":\"…\"}".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(reecrire(404, "GET", "/task/t1", "pas du JSON")).isNull();
        assertThat(reecrire(400, "GET", "/task", "[]")).isNull();
        assertThat(reecrire(400, "GET", "/task", "{\"message\":12}")).isNull();
        assertThat(reecrire(400, "GET", "/task", "{\"autre\":\"chose\"}")).isNull();
    }

    // --- French or not ---------------------------------------------------------------------------

    @Test
    void lesMessagesDeLApplicationSontReconnusFrancais() {
        for (String m : List.of("montantPropose3 : reçu « dix »",
                "« dossierId » n'est pas un champ du formulaire de la tâche « Instruire le dossier » : refusé, rien n'est enregistré. Champs attendus : a, b.",
                "Vague inconnue : FDT-2039-AAAA",
                "Le dossier FDT-2026-0001 n'attend pas encore la décision du comité",
                "motifReversement : 4000 caractères au plus (reçu : 4100) ; raccourcissez le texte",
                "Principe des quatre yeux : « Validate the proposal » a été fait par vous",
                "Aucun versement prévu pour l'année 2 du dossier FDT-2026-0001")) {
            assertThat(ReponsesErreurMoteur.francais(m)).as(m).isTrue();
        }
    }

    @Test
    void lAnglaisDuMoteurEtLesInternesNeSontPasFrancais() {
        for (String m : List.of("No matching task with id inconnue", "No matching task with id tâche-é",
                "Cannot find task with id 'Instruire le dossier': task is null",
                "The user with id 'instructeur' does not have 'UPDATE' permission on resource 'à' of type 'Task'.",
                "Task 't1' is already claimed by someone else.", "HTTP 404 Not Found", "", "   ",
                "Invalid value submitted for form field 'montant': validation of min(1) failed.",
                "Erreur : java.lang.IllegalStateException dans le délégué", "Refusé par la base : select * from dossier",
                "ENGINE-03051 la tâche a échoué", "org.example.Classe : la tâche a échoué", "montant")) {
            assertThat(ReponsesErreurMoteur.francais(m)).as(m).isFalse();
        }
    }

    /** The project's deployment rules (process/deploiement/DeploiementRefuse): their French list is kept, even when it quotes a model's expression. */
    @Test
    void unDeploiementRefuseParLesReglesDuProjetGardeSaListe() throws IOException {
        String message = "Déploiement refusé par les règles du projet (1 problème) : a.bpmn, « Tache » : appel « ${jdbcClient.sql('delete from dossier')} » refusé. Rien n'a été déployé.";
        ReponsesErreurMoteur.Reecriture r = reecrire(400, "POST", "/deployment/create", "{\"type\":\"ParseException\",\"message\":\"" + message
                + "\",\"code\":0,\"details\":{\"a.bpmn\":{\"errors\":[{\"message\":\"x\",\"mainElementId\":\"Tache\"}]}}}");
        JsonNode n = json(r);
        assertThat(r.statut()).isEqualTo(400);
        assertThat(n.get("type").asText()).isEqualTo("DeploiementRefuse");
        assertThat(n.get("message").asText()).isEqualTo(message);
        assertThat(n.get("details").get("a.bpmn").get("errors").get(0).get("mainElementId").asText()).isEqualTo("Tache");
    }

}
