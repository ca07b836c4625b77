package fr.gouv.fabriques.integration;

import static fr.gouv.fabriques.integration.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gouv.fabriques.application.vague.ReporterDateLimite;
import fr.gouv.fabriques.process.commun.ContenusFormulaires;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The programme's calendar (fabriques.programme.fin = 2040-12-31 for the tests): a wave's deadline
 * moved later moves its committee's timer, in one transaction with the wave's row and its record;
 * the committee date is the due date of the committee's tasks; a carried-over dossier shows its new
 * wave in its processes and tasks; no wave opens on its own after the programme's end.
 * Every wave opened here is closed before the test ends, so that no other test's dossiers land in it.
 */
@IntegrationTest
class CalendrierProgrammeIT {

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
    @Autowired
    ReporterDateLimite reporterDateLimite;
    @Autowired
    ContenusFormulaires contenus;
    Http http;
    Parcours parcours;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        parcours = Parcours.pour(port, contexte);
    }

    private String ouvrir(String prefixe, String appel, String dateLimite, String dateComite) {
        String code = Parcours.codeVague(prefixe, 2040);
        Http.Reponse r = http.postJson("/api/agents/vagues", Map.of("code", code, "appel", appel, "dateLimite", dateLimite,
                "dateComite", dateComite), basic("gestionnaire"));
        assertThat(r.statut()).as(r.corps()).isEqualTo(201);
        return code;
    }

    /** The due date of the timer the wave's committee process waits on, as the engine stores it. */
    private Instant echeanceMinuteur(String code) {
        return jdbc.sql("""
                select j.duedate_ from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_
                where e.business_key_ = ? and e.parent_id_ is null and j.type_ = 'timer'
                """).param(code).query(Timestamp.class).single().toInstant();
    }

    private Http.Reponse reporter(String code, Map<String, Object> corps, String agent) {
        return http.envoyer("PUT", "/api/agents/vagues/" + code + "/date-limite", Http.texte(corps), "application/json", basic(agent));
    }

    private static Map<String, Object> corps(String dateLimite, String dateComite, String motif) {
        Map<String, Object> m = new HashMap<>();
        m.put("dateLimite", dateLimite);
        if (dateComite != null) {
            m.put("dateComite", dateComite);
        }
        if (motif != null) {
            m.put("motif", motif);
        }
        return m;
    }

    private static void refusAvec(Http.Reponse r, int statut, String champ, String extrait) {
        assertThat(r.statut()).as(r.corps()).isEqualTo(statut);
        assertThat(r.json().get("erreurs").toString()).as(r.corps()).contains("\"" + champ + "\"").contains(extrait);
    }

    @Test
    void reporterLaDateLimiteRedateLeMinuteurDuComiteEnregistreQuiEtPourquoiEtRefuseCeQuiNeVaPas() {
        String code = ouvrir("FNT", "FABRIQUES_NUMERIQUES", "2040-03-30T23:59:59+02:00", "2040-05-12");
        assertThat(echeanceMinuteur(code)).isEqualTo(Instant.parse("2040-03-30T21:59:59Z"));

        // No wave takes deposits after the programme's end, whoever opens it.
        Http.Reponse apresFin = http.postJson("/api/agents/vagues", Map.of("code", Parcours.codeVague("FNT", 2041), "appel",
                "FABRIQUES_NUMERIQUES", "dateLimite", "2041-03-30T23:59:59+02:00"), basic("gestionnaire"));
        refusAvec(apresFin, 422, "dateLimite", "fin du programme, le 31/12/2040");

        // Refused, field by field, and nothing written.
        refusAvec(reporter(code, corps("2040-06-30T23:59:59+02:00", "2040-08-20", null), "gestionnaire"), 422, "motif", "motif");
        refusAvec(reporter(code, corps("2040-06-30T23:59:59+02:00", "2040-08-20", "  "), "gestionnaire"), 422, "motif", "motif");
        refusAvec(reporter(code, corps("demain", null, "x"), "gestionnaire"), 422, "dateLimite", "ISO-8601");
        refusAvec(reporter(code, corps("2040-06-30T23:59:59+02:00", "le 20 août", "x"), "gestionnaire"), 422, "dateComite", "ISO-8601");
        refusAvec(reporter(code, corps("2020-01-01T00:00:00Z", null, "x"), "gestionnaire"), 422, "dateLimite", "futur");
        refusAvec(reporter(code, corps("2040-03-15T23:59:59+01:00", null, "x"), "gestionnaire"), 422, "dateLimite",
                "ne peut que reculer");
        refusAvec(reporter(code, corps("2041-01-15T23:59:59+01:00", "2041-03-01", "x"), "gestionnaire"), 422, "dateLimite",
                "fin du programme, le 31/12/2040");
        // The committee (12/05/2040) would sit before the new deadline: a new committee date is needed with it.
        refusAvec(reporter(code, corps("2040-06-30T23:59:59+02:00", null, "x"), "gestionnaire"), 422, "dateComite", "dateComite");
        assertThat(reporter(code, corps("2040-06-30T23:59:59+02:00", "2040-08-20", "x"), "instructeur").statut()).isEqualTo(403);
        assertThat(reporter(code, corps("2040-06-30T23:59:59+02:00", "2040-08-20", "x"), "comite").statut()).isEqualTo(403);
        Http.Reponse inconnue = reporter("FNT-2040-INCONNUE", corps("2040-06-30T23:59:59+02:00", null, "x"), "gestionnaire");
        assertThat(inconnue.statut()).isEqualTo(409);
        assertThat(inconnue.json().get("detail").asText()).contains("Vague inconnue");
        // The engine's timer and the wave's row are written in one transaction: a failure on the record (an agent id
        // longer than its column) after the timer was re-dated leaves both as they were.
        assertThatThrownBy(() -> reporterDateLimite.reporter(code, Instant.parse("2040-06-30T21:59:59Z"), LocalDate.of(2040, 8, 20),
                "Essai", "g".repeat(150))).isInstanceOf(RuntimeException.class);
        assertThat(echeanceMinuteur(code)).isEqualTo(Instant.parse("2040-03-30T21:59:59Z"));
        assertThat(jdbc.sql("select date_limite from vague where code = ?").param(code).query(Timestamp.class).single().toInstant())
                .isEqualTo(Instant.parse("2040-03-30T21:59:59Z"));
        assertThat(jdbc.sql("select count(*) from report_date_limite_vague where vague = ?").param(code).query(Long.class).single()).isZero();

        Http.Reponse ok = reporter(code, corps("2040-06-30T23:59:59+02:00", "2040-08-20", "Prolongation décidée en comité de pilotage"),
                "gestionnaire");
        assertThat(ok.statut()).as(ok.corps()).isEqualTo(200);
        assertThat(ok.json().get("dateLimiteParis").asText()).isEqualTo("30/06/2040 à 23h59");
        assertThat(ok.json().get("dateComite").asText()).isEqualTo("2040-08-20");
        assertThat(echeanceMinuteur(code)).isEqualTo(Instant.parse("2040-06-30T21:59:59Z"));
        ProcessInstance comite = runtime.createProcessInstanceQuery().processDefinitionKey("Process_ComiteVague").processInstanceBusinessKey(code)
                .singleResult();
        assertThat(runtime.getVariable(comite.getId(), "dateLimite")).isEqualTo(Date.from(Instant.parse("2040-06-30T21:59:59Z")));
        assertThat(jdbc.sql("select date_limite from vague where code = ?").param(code).query(Timestamp.class).single().toInstant())
                .isEqualTo(Instant.parse("2040-06-30T21:59:59Z"));
        JsonNode vague = null;
        for (JsonNode v : http.get("/api/agents/vagues", basic("comite")).json()) {
            if (v.get("code").asText().equals(code)) {
                vague = v;
            }
        }
        assertThat(vague).isNotNull();
        JsonNode report = vague.get("reports").get(0);
        assertThat(report.get("decidePar").asText()).isEqualTo("gestionnaire");
        assertThat(report.get("motif").asText()).isEqualTo("Prolongation décidée en comité de pilotage");
        assertThat(report.get("ancienneDateLimite").asText()).isEqualTo("2040-03-30T21:59:59Z");
        assertThat(report.get("nouvelleDateLimite").asText()).isEqualTo("2040-06-30T21:59:59Z");
        assertThat(report.get("ancienneDateComite").asText()).isEqualTo("2040-05-12");

        // Closed: its deadline no longer moves.
        assertThat(http.postJson("/api/agents/vagues/" + code + "/cloture", Map.of(), basic("gestionnaire")).statut()).isEqualTo(200);
        Http.Reponse close = reporter(code, corps("2040-09-30T23:59:59+02:00", "2040-11-20", "x"), "gestionnaire");
        assertThat(close.statut()).as(close.corps()).isEqualTo(409);
        assertThat(close.json().get("detail").asText()).contains("CLOSE");
        // The committee date is the due date of « Préparer la séance » (the session opens at 9:00, Paris) and its form's header.
        Task seance = taches.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("UserTask_PreparerSeance").singleResult();
        assertThat(seance.getDueDate()).isEqualTo(Date.from(Instant.parse("2040-08-20T07:00:00Z")));
        assertThat(contenus.pour(seance.getId())).containsEntry("dateComite", "20/08/2040");
    }

    @Test
    void leDossierReporteMontreSaNouvelleVagueEtAucuneVagueNeSOuvreApresLaFinDuProgramme() {
        String premiere = ouvrir("FDT", "FABRIQUES_TERRITOIRE", "2040-12-29T23:59:59+01:00", "2041-02-10");
        String derniere = ouvrir("FDT", "FABRIQUES_TERRITOIRE", "2040-12-30T23:59:59+01:00", "2041-02-12");
        String numero = parcours.deposer(premiere, "HORS_GRANDS_CENTRES");
        List<Task> ouvertes = taches.createTaskQuery().processInstanceBusinessKey(numero).list();
        assertThat(ouvertes).isNotEmpty();
        assertThat(taches.getVariableLocal(ouvertes.get(0).getId(), "vague")).isEqualTo(premiere);

        // Closed with the dossier still in instruction: it goes to the next wave, and so do its processes and tasks.
        assertThat(http.postJson("/api/agents/vagues/" + premiere + "/cloture", Map.of(), basic("gestionnaire")).statut()).isEqualTo(200);
        assertThat(jdbc.sql("select vague from dossier where numero = ?").param(numero).query(String.class).single()).isEqualTo(derniere);
        String[] instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(numero).list().stream()
                .map(ProcessInstance::getId).toArray(String[]::new);
        List<VariableInstance> copies = runtime.createVariableInstanceQuery().variableName("vague").processInstanceIdIn(instances).list();
        assertThat(copies).isNotEmpty();
        assertThat(copies).extracting(VariableInstance::getValue).containsOnly(derniere);
        // What a Tasklist filter on the wave column finds, and what the columns show.
        for (Task t : taches.createTaskQuery().processInstanceBusinessKey(numero).list()) {
            assertThat(taches.getVariableLocal(t.getId(), "vague")).as(t.getName()).isEqualTo(derniere);
        }
        assertThat(taches.createTaskQuery().processInstanceBusinessKey(numero).taskVariableValueEquals("vague", derniere).count())
                .isEqualTo(ouvertes.size());
        JsonNode fiche = http.get("/api/agents/dossiers/" + numero, basic("instructeur")).json();
        assertThat(fiche.get("demande").get("vague").asText()).isEqualTo(derniere);

        // The last wave of the programme closes with the dossier still in instruction: the next quarterly wave would close on
        // 30/03/2041, after the programme's end (31/12/2040). None opens; the dossier stays, its timeline says why.
        assertThat(http.postJson("/api/agents/vagues/" + derniere + "/cloture", Map.of(), basic("gestionnaire")).statut()).isEqualTo(200);
        assertThat(jdbc.sql("select vague from dossier where numero = ?").param(numero).query(String.class).single()).isEqualTo(derniere);
        assertThat(jdbc.sql("select count(*) from vague where date_limite > '2040-12-31T23:59:59+01:00'").query(Long.class).single()).isZero();
        assertThat(http.get("/api/agents/dossiers/" + numero + "/journal", basic("gestionnaire")).corps())
                .contains("le programme s'achève le 31/12/2040").contains(derniere);
        // Its committee sits anyway, on its committee date.
        Task seance = taches.createTaskQuery().processInstanceBusinessKey(derniere).taskDefinitionKey("UserTask_PreparerSeance").singleResult();
        assertThat(seance.getDueDate()).isEqualTo(Date.from(Instant.parse("2041-02-12T08:00:00Z")));
    }
}
