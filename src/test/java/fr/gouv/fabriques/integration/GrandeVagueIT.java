package fr.gouv.fabriques.integration;

import static fr.gouv.fabriques.integration.Http.basic;
import static fr.gouv.fabriques.integration.Http.variables;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real wave: 500 instructed dossiers closed, prepared, decided one by one in Tasklist's
 * way (submit-form) and in bulk (agents' API), stopped and published — through HTTP, on
 * PostgreSQL. Nothing the engine stores may grow with the wave: no String variable,
 * runtime or history, reaches the engine's 4,000-character limit.
 */
@IntegrationTest
class GrandeVagueIT {

    static final int TAILLE = 500;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext contexte;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService taches;
    @Autowired
    JdbcClient jdbc;

    @Test
    void uneVagueDe500DossiersPasseLeComiteSansLimiteDeTaille() throws Exception {
        Http http = new Http(port);
        Parcours parcours = Parcours.pour(port, contexte);
        // The numériques' call: its waves are not those other tests expect to find open.
        String vague = Parcours.codeVague("FNT", 2035);
        assertThat(http.postJson("/api/agents/vagues", Map.of("code", vague, "appel", "FABRIQUES_NUMERIQUES",
                "dateLimite", "2035-06-30T23:59:59+02:00"), basic("gestionnaire")).statut()).isEqualTo(201);
        List<String> numeros = new GrandeVague(parcours, runtime, jdbc).remplir(vague, TAILLE, "NUMERIQUE_QPV");

        // Closing: the agenda of 500 dossiers is computed when the form opens, whole.
        assertThat(http.postJson("/api/agents/vagues/" + vague + "/cloture", Map.of(), basic("gestionnaire")).statut()).isEqualTo(200);
        String preparation = tache(http, vague, "UserTask_PreparerSeance", "gestionnaire");
        String ordreDuJour = formulaire(http, preparation, "gestionnaire").get("ordreDuJour").get("value").asText();
        assertThat(ordreDuJour.length()).isGreaterThan(4000 * 5);
        numeros.forEach(n -> assertThat(ordreDuJour).contains(n));
        assertThat(ordreDuJour).contains("Places restantes").contains("Enveloppe restante");
        soumettre(http, preparation, "gestionnaire", variables("seancePreparee", true));
        parcours.executerJobs(vague);

        // One decision task per dossier, listed by the wave's filter in the agenda's order.
        assertThat(taches.createTaskQuery().processInstanceBusinessKey(vague).taskDefinitionKey("UserTask_DeciderDossier").count())
                .isEqualTo(TAILLE);
        JsonNode filtres = http.get("/engine-rest/filter?name=" + java.net.URLEncoder.encode("Comité — vague " + vague, "UTF-8"),
                basic("comite")).json();
        assertThat(filtres).hasSize(1);
        JsonNode premiers = http.get("/engine-rest/filter/" + filtres.get(0).get("id").asText() + "/list?firstResult=0&maxResults=15",
                basic("comite")).json();
        assertThat(premiers).hasSize(15);
        List<Integer> rangs = new ArrayList<>();
        for (JsonNode t : premiers) {
            rangs.add(taches.getVariableLocal(t.get("id").asText(), "rang") instanceof Integer r ? r : -1);
        }
        assertThat(rangs).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);

        // 20 decided one by one as in Tasklist (claim, form, submit), the 480 others in bulk.
        List<String> uneParUne = numeros.subList(0, 20);
        for (int i = 0; i < uneParUne.size(); i++) {
            String id = tacheDuDossier(vague, uneParUne.get(i));
            assertThat(http.postJson("/engine-rest/task/" + id + "/claim", Map.of("userId", "comite"), basic("comite")).statut()).isEqualTo(204);
            JsonNode f = formulaire(http, id, "comite");
            assertThat(f.get("situationDossier").get("value").asText()).contains("Rang ");
            soumettre(http, id, "comite", i < 5
                    ? variables("decisionComite", "LAUREAT", "montantComite1", 50000, "montantComite2", 50000, "montantComite3", 40000)
                    : variables("decisionComite", "REFUSE", "motivationComite", "Ancrage local insuffisant"));
        }
        List<Map<String, Object>> lignes = new ArrayList<>();
        for (int i = 20; i < TAILLE; i++) {
            Map<String, Object> l = new HashMap<>();
            l.put("numero", numeros.get(i));
            if (i < 25) {
                l.putAll(Map.of("decision", "LAUREAT", "montant1", 40000, "montant2", 40000, "montant3", 40000));
            } else if (i < 400) {
                l.putAll(Map.of("decision", "REFUSE", "motivation", "Classé au-delà des places de la vague"));
            } else {
                l.put("decision", "AJOURNE");
            }
            lignes.add(l);
        }
        Http.Reponse enBloc = http.envoyer("PUT", "/api/agents/vagues/" + vague + "/decisions", Http.texte(lignes), "application/json",
                basic("comite"));
        assertThat(enBloc.statut()).as(enBloc.corps()).isEqualTo(200);
        assertThat(enBloc.json().get("decisionsEnregistrees").asInt()).isEqualTo(480);
        parcours.executerJobs(vague);

        // Stop: the effect of 500 decisions, computed when the form opens; publication in the background.
        String arret = tache(http, vague, "UserTask_ArreterDecisions", "gestionnaire");
        String effet = formulaire(http, arret, "gestionnaire").get("effetDesDecisions").get("value").asText();
        assertThat(effet.length()).isGreaterThan(4000);
        assertThat(effet).contains(numeros.get(0)).contains(numeros.get(TAILLE - 1));
        soumettre(http, arret, "gestionnaire", variables("decisionsArretees", "true"));
        parcours.executerJobs(vague);

        JsonNode publication = java.util.stream.StreamSupport.stream(http.get("/api/agents/vagues", basic("gestionnaire")).json().spliterator(), false)
                .filter(v -> v.get("code").asText().equals(vague)).findFirst().orElseThrow();
        assertThat(publication.get("etat").asText()).isEqualTo("DELIBEREE");
        assertThat(publication.get("publication").get("etat").asText()).isEqualTo("PUBLIEE");
        assertThat(publication.get("publication").get("laureats").asInt()).isEqualTo(10);
        assertThat(publication.get("publication").get("refuses").asInt()).isEqualTo(390);
        assertThat(publication.get("publication").get("ajournes").asInt()).isEqualTo(100);
        Map<String, Long> statuts = new HashMap<>();
        jdbc.sql("select statut, count(*) n from dossier where numero in (:numeros) group by statut").param("numeros", numeros)
                .query((rs, i) -> statuts.put(rs.getString("statut"), rs.getLong("n"))).list();
        assertThat(statuts).containsEntry("LAUREAT", 10L).containsEntry("REFUSE", 390L).containsEntry("AJOURNE", 100L);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(vague).count()).isZero();
        // The publication writes its entries and mails together (JDBC batches): one entry per dossier, and one mail announcing
        // exactly that entry, to that dossier's applicant, about that dossier.
        assertThat(jdbc.sql("select count(*) from evenement_dossier e join dossier d on d.id = e.dossier_id where d.numero in (:numeros) "
                + "and e.type = 'DECISION_COMITE' and e.visible_porteur").param("numeros", numeros).query(Integer.class).single()).isEqualTo(TAILLE);
        assertThat(jdbc.sql("""
                select count(*) from notification n join evenement_dossier e on e.id = n.evenement_id and e.dossier_id = n.dossier_id
                  join dossier d on d.id = n.dossier_id
                 where d.numero in (:numeros) and n.type = 'DECISION_COMITE' and n.destinataire = d.contact_email
                   and position(d.numero in n.corps) > 0 and position(d.numero in n.message_id) > 0
                """).param("numeros", numeros).query(Integer.class).single()).isEqualTo(TAILLE);

        // Nothing the engine keeps grows with the wave.
        for (String[] table : List.of(new String[] {"act_ru_variable", "type_"}, new String[] {"act_hi_varinst", "var_type_"},
                new String[] {"act_hi_detail", "var_type_"})) {
            Integer plusLong = jdbc.sql("select coalesce(max(length(text_)), 0) from " + table[0] + " where lower(" + table[1] + ") = 'string'")
                    .query(Integer.class).single();
            assertThat(plusLong).as(table[0]).isLessThan(4000);
        }
    }

    private String tacheDuDossier(String vague, String numero) {
        return taches.createTaskQuery().processInstanceBusinessKey(vague).taskDefinitionKey("UserTask_DeciderDossier")
                .taskVariableValueEquals("numero", numero).singleResult().getId();
    }

    private static String tache(Http http, String vague, String cle, String utilisateur) {
        JsonNode r = http.get("/engine-rest/task?processInstanceBusinessKey=" + vague + "&taskDefinitionKey=" + cle, basic(utilisateur)).json();
        assertThat(r).as(cle).hasSize(1);
        String id = r.get(0).get("id").asText();
        assertThat(http.postJson("/engine-rest/task/" + id + "/claim", Map.of("userId", utilisateur), basic(utilisateur)).statut()).isEqualTo(204);
        return id;
    }

    private static JsonNode formulaire(Http http, String tache, String utilisateur) {
        Http.Reponse r = http.get("/engine-rest/task/" + tache + "/form-variables?deserializeValues=false", basic(utilisateur));
        assertThat(r.statut()).as(r.corps()).isEqualTo(200);
        return r.json();
    }

    private static void soumettre(Http http, String tache, String utilisateur, Map<String, Object> variables) {
        Http.Reponse r = http.postJson("/engine-rest/task/" + tache + "/submit-form", variables, basic(utilisateur));
        assertThat(r.statut()).as(r.corps()).isEqualTo(204);
    }
}
