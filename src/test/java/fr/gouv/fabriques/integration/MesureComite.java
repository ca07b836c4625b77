package fr.gouv.fabriques.integration;

import static fr.gouv.fabriques.integration.Http.basic;
import static fr.gouv.fabriques.integration.Http.variables;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark, not a test (its name matches neither Surefire's nor Failsafe's patterns):
 * the time of each committee step for a wave of 100 then 500 dossiers, through HTTP on
 * the embedded PostgreSQL, as {@link GrandeVagueIT} walks it. Prints its figures; asserts
 * nothing on time. Run:
 * {@code ./mvnw verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=MesureComite}
 */
@IntegrationTest
class MesureComite {

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
    void mesurer() {
        Map<Integer, Map<String, Long>> resultats = new LinkedHashMap<>();
        for (int taille : List.of(100, 500)) {
            resultats.put(taille, mesurer(taille));
        }
        System.out.println();
        System.out.println("=== Comité d'une vague : durée de chaque étape (ms) ===");
        System.out.printf("%-62s %10s %10s %8s%n", "étape", "100", "500", "500/100");
        for (String etape : resultats.get(100).keySet()) {
            long a = resultats.get(100).get(etape);
            long b = resultats.get(500).get(etape);
            System.out.printf("%-62s %10d %10d %8.1f%n", etape, a, b, a == 0 ? 0.0 : (double) b / a);
        }
    }

    private Map<String, Long> mesurer(int taille) {
        Map<String, Long> t = new LinkedHashMap<>();
        Http http = new Http(port);
        Parcours parcours = Parcours.pour(port, contexte);
        String vague = Parcours.codeVague("FDT", 2036);
        http.postJson("/api/agents/vagues", Map.of("code", vague, "appel", "FABRIQUES_TERRITOIRE", "dateLimite", "2036-06-30T23:59:59+02:00"),
                basic("gestionnaire"));
        List<String> numeros = chrono(t, "(mise en place : N dossiers instruits)", () -> new GrandeVague(parcours, runtime, jdbc)
                .remplir(vague, taille, "HORS_GRANDS_CENTRES"));
        chrono(t, "clôture (POST …/cloture)", () -> http.postJson("/api/agents/vagues/" + vague + "/cloture", Map.of(), basic("gestionnaire")));
        String preparation = tache(http, vague, "UserTask_PreparerSeance");
        chrono(t, "Préparer la séance : ouverture du formulaire (ordre du jour)", () -> formulaire(http, preparation, "gestionnaire"));
        chrono(t, "Préparer la séance : envoi", () -> http.postJson("/engine-rest/task/" + preparation + "/submit-form",
                variables("seancePreparee", true), basic("gestionnaire")));
        chrono(t, "création des tâches « Décider du dossier » (job)", () -> {
            parcours.executerJobs(vague);
            return null;
        });
        String premiere = taches.createTaskQuery().processInstanceBusinessKey(vague).taskDefinitionKey("UserTask_DeciderDossier")
                .taskVariableValueEquals("numero", numeros.get(0)).singleResult().getId();
        http.postJson("/engine-rest/task/" + premiere + "/claim", Map.of("userId", "comite"), basic("comite"));
        chrono(t, "Décider du dossier : ouverture du formulaire", () -> formulaire(http, premiere, "comite"));
        chrono(t, "Décider du dossier : envoi d'une décision", () -> http.postJson("/engine-rest/task/" + premiere + "/submit-form",
                variables("decisionComite", "REFUSE", "motivationComite", "Mesure"), basic("comite")));
        List<Map<String, Object>> lignes = new ArrayList<>();
        for (int i = 1; i < taille; i++) {
            Map<String, Object> l = new HashMap<>();
            l.put("numero", numeros.get(i));
            l.putAll(i % 10 == 0 ? Map.of("decision", "AJOURNE") : Map.of("decision", "REFUSE", "motivation", "Mesure"));
            lignes.add(l);
        }
        chrono(t, "décisions en bloc (PUT …/decisions, N-1 lignes)", () -> http.envoyer("PUT", "/api/agents/vagues/" + vague
                + "/decisions", Http.texte(lignes), "application/json", basic("comite")));
        chrono(t, "fin des tâches de décision (jobs)", () -> {
            parcours.executerJobs(vague);
            return null;
        });
        String arret = tache(http, vague, "UserTask_ArreterDecisions");
        chrono(t, "Arrêter les décisions : ouverture du formulaire", () -> formulaire(http, arret, "gestionnaire"));
        chrono(t, "Arrêter les décisions : envoi", () -> http.postJson("/engine-rest/task/" + arret + "/submit-form",
                variables("decisionsArretees", "true"), basic("gestionnaire")));
        chrono(t, "publication (job)", () -> {
            parcours.executerJobs(vague);
            return null;
        });
        return t;
    }

    private static <T> T chrono(Map<String, Long> t, String etape, Supplier<T> action) {
        long debut = System.nanoTime();
        T r = action.get();
        t.put(etape, (System.nanoTime() - debut) / 1_000_000);
        return r;
    }

    private static String tache(Http http, String vague, String cle) {
        JsonNode r = http.get("/engine-rest/task?processInstanceBusinessKey=" + vague + "&taskDefinitionKey=" + cle, basic("gestionnaire")).json();
        String id = r.get(0).get("id").asText();
        http.postJson("/engine-rest/task/" + id + "/claim", Map.of("userId", "gestionnaire"), basic("gestionnaire"));
        return id;
    }

    private static JsonNode formulaire(Http http, String tache, String utilisateur) {
        return http.get("/engine-rest/task/" + tache + "/form-variables?deserializeValues=false", basic(utilisateur)).json();
    }
}
