package fr.gouv.fabriques.integration;

import static fr.gouv.fabriques.integration.Http.basic;
import static fr.gouv.fabriques.integration.Http.variables;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A form the server refuses reads in French only: neither /engine-rest nor the webapps' own API
 * (what Tasklist calls, /camunda/api/engine) put the engine's English « Cannot submit task form
 * {id}: » or « Cannot complete task {id}: » before the message.
 */
@IntegrationTest
class MessagesRefusIT {

    @LocalServerPort
    int port;
    @Autowired
    org.springframework.context.ApplicationContext contexte;
    @Autowired
    fr.gouv.fabriques.application.vague.CreerVague creerVague;

    Http http;
    String tache;

    /** A dossier's « Instruire le dossier » task, claimed by the instructor. */
    @BeforeEach
    void tacheDInstruction() {
        http = new Http(port);
        Parcours parcours = Parcours.pour(port, contexte);
        String vague = Parcours.codeVague("FDT", 2037);
        creerVague.creer(vague, "FABRIQUES_TERRITOIRE", Parcours.dans(Duration.ofDays(700)), null);
        String numero = parcours.deposer(vague, "HORS_GRANDS_CENTRES");
        parcours.completer(numero, "UserTask_VerifierCompletude", "instructeur", Map.of("complet", "true"));
        parcours.completer(numero, "UserTask_DonnerAvisTerritorial", "referent-58", Map.of("avisTerritorial", "FAVORABLE"));
        tache = http.get("/engine-rest/task?processInstanceBusinessKey=" + numero + "&taskDefinitionKey=UserTask_InstruireDossier",
                basic("instructeur")).json().get(0).get("id").asText();
        assertThat(http.postJson("/engine-rest/task/" + tache + "/claim", Map.of("userId", "instructeur"), basic("instructeur")).statut())
                .isEqualTo(204);
    }

    /** An instruction the server refuses: a third amount that is not a number. */
    static Map<String, Object> instructionRefusee() {
        return variables("noteGouvernance", 5, "notePartenariats", 4, "noteBesoinLocal", 4, "noteOffreServices", 3,
                "noteModeleEconomique", 4, "noteEmploi", 3, "montantPropose1", 50000, "montantPropose2", 50000,
                "montantPropose3", "quarante mille", "motifProposition", "Projet solide", "absenceConflitInterets", true);
    }

    private void messageFrancaisSeul(int statut, String corps) throws Exception {
        assertThat(statut).as(corps).isEqualTo(400);
        JsonNode reponse = Http.JSON.readTree(corps);
        assertThat(reponse.get("message").asText()).as(corps)
                .startsWith("montantPropose3")
                .contains("nombre entier")
                .doesNotContain("Cannot")
                .doesNotContain(tache);
    }

    @Test
    void parEngineRest() throws Exception {
        for (String action : new String[] {"submit-form", "complete"}) {
            Http.Reponse r = http.postJson("/engine-rest/task/" + tache + "/" + action, instructionRefusee(), basic("instructeur"));
            messageFrancaisSeul(r.statut(), r.corps());
        }
        // Nothing was written: the task is still there.
        assertThat(http.get("/engine-rest/task/" + tache, basic("instructeur")).statut()).isEqualTo(200);
    }

    @Test
    void parLApiDesApplicationsWebCommeTasklist() throws Exception {
        String base = "http://127.0.0.1:" + port;
        Navigateur navigateur = new Navigateur();
        assertThat(navigateur.connecterTasklist(base, "instructeur", "demo")).isEqualTo(200);
        for (String action : new String[] {"submit-form", "complete"}) {
            HttpResponse<String> r = navigateur.postJson(base + "/camunda/api/engine/engine/default/task/" + tache + "/" + action,
                    Http.texte(instructionRefusee()));
            messageFrancaisSeul(r.statusCode(), r.body());
        }
        assertThat(http.get("/engine-rest/task/" + tache, basic("instructeur")).statut()).isEqualTo(200);
    }
}
