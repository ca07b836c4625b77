package fr.gouv.fabriques.integration;

import static fr.gouv.fabriques.integration.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The agents' API for waves, the committee's bulk decisions, quotas and the audit trail, role by role. */
@IntegrationTest
class VaguesApiIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.context.ApplicationContext contexte;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService taches;
    Http http;
    Parcours parcours;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        parcours = Parcours.pour(port, contexte);
    }

    private String nouvelleVague() {
        String code = Parcours.codeVague("FDT", 2034);
        Http.Reponse r = http.postJson("/api/agents/vagues", Map.of("code", code, "appel", "FABRIQUES_TERRITOIRE",
                "dateLimite", "2034-06-30T23:59:59+02:00", "dateComite", "2034-08-15"), basic("gestionnaire"));
        assertThat(r.statut()).as(r.corps()).isEqualTo(201);
        assertThat(r.json().get("etat").asText()).isEqualTo("OUVERTE");
        assertThat(r.json().get("dateLimiteParis").asText()).isEqualTo("30/06/2034 à 23h59");
        return code;
    }

    @Test
    void unGestionnaireOuvreEtClotUneVagueUnInstructeurNonEtLesErreursSontNommees() {
        String code = nouvelleVague();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("Process_ComiteVague").processInstanceBusinessKey(code).count())
                .isEqualTo(1);
        assertThat(http.postJson("/api/agents/vagues", Map.of("code", "FDT-2034-ZZ", "appel", "FABRIQUES_TERRITOIRE",
                "dateLimite", "2034-06-30T23:59:59+02:00"), basic("instructeur")).statut()).isEqualTo(403);
        assertThat(http.postJson("/api/agents/vagues", Map.of("code", "FDT-2034-ZZ"), Map.of()).statut()).isEqualTo(401);
        Http.Reponse invalide = http.postJson("/api/agents/vagues", Map.of("code", "X", "appel", "AUTRE", "dateLimite", "demain"),
                basic("gestionnaire"));
        assertThat(invalide.statut()).isEqualTo(422);
        assertThat(invalide.json().get("erreurs").get(0).get("champ").asText()).isEqualTo("dateLimite");
        invalide = http.postJson("/api/agents/vagues", Map.of("code", "X", "appel", "AUTRE", "dateLimite", "2020-01-01T00:00:00Z"),
                basic("gestionnaire"));
        assertThat(invalide.json().get("erreurs").toString()).contains("appel").contains("code").contains("futur");
        Http.Reponse doublon = http.postJson("/api/agents/vagues", Map.of("code", code, "appel", "FABRIQUES_TERRITOIRE",
                "dateLimite", "2034-06-30T23:59:59+02:00"), basic("gestionnaire"));
        assertThat(doublon.statut()).isEqualTo(409);

        JsonNode liste = http.get("/api/agents/vagues", basic("comite")).json();
        assertThat(liste.toString()).contains(code).contains("FDT-2019-12").contains("DELIBEREE");

        assertThat(http.postJson("/api/agents/vagues/" + code + "/cloture", Map.of(), basic("gestionnaire")).statut()).isEqualTo(200);
        assertThat(jdbc.sql("select etat from vague where code = ?").param(code).query(String.class).single()).isEqualTo("CLOSE");
        assertThat(taches.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("UserTask_PreparerSeance").count()).isEqualTo(1);
        assertThat(http.postJson("/api/agents/vagues/" + code + "/cloture", Map.of(), basic("gestionnaire")).statut()).isEqualTo(409);
    }

    @Test
    void leComiteDecideEnBlocParLApiEtChaqueLigneFautiveEstNommee() {
        String code = nouvelleVague();
        String a = parcours.deposer(code, "HORS_GRANDS_CENTRES");
        String b = parcours.deposer(code, "HORS_GRANDS_CENTRES");
        parcours.instruire(a);
        parcours.instruire(b);
        assertThat(http.postJson("/api/agents/vagues/" + code + "/cloture", Map.of(), basic("gestionnaire")).statut()).isEqualTo(200);
        parcours.completer(code, "UserTask_PreparerSeance", "gestionnaire", Map.of("seancePreparee", true));

        JsonNode seance = http.get("/api/agents/vagues/" + code + "/seance", basic("comite")).json();
        assertThat(seance).hasSize(2);
        assertThat(seance.get(0).get("score").asDouble()).isEqualTo(80.0);

        Http.Reponse fautes = http.envoyer("PUT", "/api/agents/vagues/" + code + "/decisions", Http.texte(List.of(
                Map.of("numero", a, "decision", "LAUREAT", "montant1", 60000, "montant2", 50000, "montant3", 40000),
                Map.of("numero", b, "decision", "REFUSE"),
                Map.of("numero", "FDT-1999-0001", "decision", "LAUREAT"))), "application/json", basic("comite"));
        assertThat(fautes.statut()).as(fautes.corps()).isEqualTo(422);
        assertThat(fautes.json().get("erreurs").toString()).contains("decisions[0].montantAccorde1").contains("decisions[1].motivation")
                .contains("decisions[2].numero");
        assertThat(http.envoyer("PUT", "/api/agents/vagues/" + code + "/decisions", "[]", "application/json", basic("gestionnaire"))
                .statut()).isEqualTo(403);

        Http.Reponse ok = http.envoyer("PUT", "/api/agents/vagues/" + code + "/decisions", Http.texte(List.of(
                Map.of("numero", a, "decision", "LAUREAT", "montant1", 50000, "montant2", 50000, "montant3", 40000),
                Map.of("numero", b, "decision", "REFUSE", "motivation", "Gouvernance à consolider"))), "application/json", basic("comite"));
        assertThat(ok.statut()).as(ok.corps()).isEqualTo(200);
        // The bulk decisions completed the two decision tasks: the wave waits for its publication.
        parcours.executerJobs(code);
        assertThat(taches.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("UserTask_DeciderDossier").count()).isZero();
        assertThat(parcours.publier(code)).isNull();
        parcours.executerJobs(a);
        parcours.executerJobs(b);
        assertThat(parcours.statut(a)).isEqualTo("LAUREAT");
        assertThat(parcours.statut(b)).isEqualTo("REFUSE");

        JsonNode audit = http.get("/api/agents/dossiers/" + b + "/journal", basic("gestionnaire")).json();
        JsonNode decision = audit.get("decisionsComite").get(0);
        assertThat(decision.get("decision").asText()).isEqualTo("REFUSE");
        assertThat(decision.get("decidePar").asText()).isEqualTo("comite");
        assertThat(decision.get("motivation").asText()).isEqualTo("Gouvernance à consolider");
        assertThat(audit.get("evenements").toString()).contains("Avis territorial FAVORABLE").contains("referent-58")
                .contains("Décision du comité : refusé");
        assertThat(http.get("/api/agents/dossiers/" + b + "/journal", basic("referent-58")).statut()).isEqualTo(403);
    }

    @Test
    void lesQuotasSeConsultentEtSeReequilibrentAvecUnMotif() {
        JsonNode avant = http.get("/api/agents/programme", basic("gestionnaire")).json();
        assertThat(avant.get("totalFabriques").asInt()).isEqualTo(300);
        Http.Reponse sansMotif = http.postJson("/api/agents/programme/reequilibrages",
                Map.of("de", "QPV", "vers", "NUMERIQUE_QPV", "nombre", 1), basic("gestionnaire"));
        assertThat(sansMotif.statut()).isEqualTo(422);
        assertThat(sansMotif.json().get("erreurs").get(0).get("champ").asText()).isEqualTo("motif");
        Http.Reponse r = http.postJson("/api/agents/programme/reequilibrages",
                Map.of("de", "QPV", "vers", "NUMERIQUE_QPV", "nombre", 1, "motif", "Forte demande numérique en vague 4"), basic("gestionnaire"));
        assertThat(r.statut()).as(r.corps()).isEqualTo(200);
        int qpvAvant = quota(avant, "QPV");
        assertThat(quota(r.json(), "QPV")).isEqualTo(qpvAvant - 1);
        assertThat(quota(r.json(), "NUMERIQUE_QPV")).isEqualTo(quota(avant, "NUMERIQUE_QPV") + 1);
        assertThat(jdbc.sql("select decide_par from reequilibrage_quota order by id desc limit 1").query(String.class).single())
                .isEqualTo("gestionnaire");
        // Back as it was, for the other tests.
        http.postJson("/api/agents/programme/reequilibrages", Map.of("de", "NUMERIQUE_QPV", "vers", "QPV", "nombre", 1,
                "motif", "Retour à la répartition initiale"), basic("gestionnaire"));
        assertThat(http.postJson("/api/agents/programme/reequilibrages", Map.of("de", "QPV", "vers", "X", "nombre", 1, "motif", "x"),
                basic("comite")).statut()).isEqualTo(403);
    }

    private static int quota(JsonNode programme, String categorie) {
        for (JsonNode q : programme.get("quotas")) {
            if (q.get("categorie").asText().equals(categorie)) {
                return q.get("quota").asInt();
            }
        }
        throw new AssertionError(categorie);
    }
}
