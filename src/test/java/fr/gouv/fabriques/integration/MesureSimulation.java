package fr.gouv.fabriques.integration;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gouv.fabriques.application.port.EcritureHistorique;
import fr.gouv.fabriques.application.simulation.HistoriqueDemo;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.Programme;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Benchmark, not a test (its name matches neither Surefire's nor Failsafe's patterns): seeds the
 * programme's real history (8 waves, 300 laureates, a few thousand dossiers, as
 * {@code fabriques.demo.historique=true} does, the live counters left alone) and times replays of
 * all 8 waves over HTTP: identical tables, a changed weight, a changed quota. Prints its figures;
 * asserts nothing on time. Run:
 * {@code ./mvnw verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=MesureSimulation}
 */
@IntegrationTest
class MesureSimulation {

    @LocalServerPort
    int port;
    @Autowired
    HistoriqueDemo historique;
    @Autowired
    EcritureHistorique ecriture;

    @Test
    void mesurer() throws IOException {
        List<HistoriqueDemo.PlanVague> plans = HistoriqueDemo.programmeReel();
        List<String> vagues = plans.stream().map(HistoriqueDemo.PlanVague::code).toList();
        long t0 = System.nanoTime();
        if (!ecriture.dejaSeme(vagues)) {
            Map<Categorie, Integer> zero = Map.of(Categorie.HORS_GRANDS_CENTRES, 0, Categorie.QPV, 0, Categorie.NUMERIQUE_QPV, 0);
            EcritureHistorique.Historique h = historique.generer(plans, 2019, null, new Programme(300, plans.get(0).quotas(), zero, 45_000_000, 0));
            ecriture.ecrire(new EcritureHistorique.Historique(h.vagues(), h.dossiers(), h.decisions(), h.reequilibrage(), null));
            System.out.printf("%nHistorique semé : %d dossiers, %d décisions, en %d ms%n", h.dossiers().size(), h.decisions().size(),
                    (System.nanoTime() - t0) / 1_000_000);
        }
        Http http = new Http(port);
        byte[] eligibilite = Files.readAllBytes(Path.of("bpmn/eligibilite.dmn"));
        String grille = Files.readString(Path.of("bpmn/notation-instruction.dmn"));
        byte[] poids = grille.replace("<outputEntry id=\"LiteralExpression_PoidsTerritoire_Emploi\"><text>2</text></outputEntry>",
                "<outputEntry id=\"LiteralExpression_PoidsTerritoire_Emploi\"><text>6</text></outputEntry>").getBytes(StandardCharsets.UTF_8);
        String codes = String.join(",", vagues);
        System.out.println();
        System.out.println("=== Simulation : rejeu des 8 vagues (HTTP, de l'envoi à la réponse) ===");
        System.out.printf("%-52s %8s %8s %8s %8s %10s%n", "candidat", "dossiers", "changés", "sortants", "entrants", "durée (ms)");
        mesurer(http, "tables identiques (les deux)", Map.of("eligibilite", List.of(new Http.Fichier("e.dmn", "application/xml", eligibilite)),
                "notation", List.of(new Http.Fichier("n.dmn", "application/xml", grille.getBytes(StandardCharsets.UTF_8)))), Map.of("vagues", codes));
        mesurer(http, "poids de l'emploi 2 → 6 (territoire)", Map.of("notation", List.of(new Http.Fichier("n.dmn", "application/xml", poids))),
                Map.of("vagues", codes));
        mesurer(http, "quota QPV 100 au lieu de 118", Map.of(), Map.of("vagues", codes, "quotaQpv", "100"));
        mesurer(http, "poids de l'emploi 2 → 6, 2e exécution", Map.of("notation", List.of(new Http.Fichier("n.dmn", "application/xml", poids))),
                Map.of("vagues", codes));
    }

    private static void mesurer(Http http, String nom, Map<String, List<Http.Fichier>> fichiers, Map<String, String> champs) {
        long t = System.nanoTime();
        Http.Reponse r = http.postMultipart("/api/agents/simulations", fichiers, champs, Http.basic("analyste"));
        long ms = (System.nanoTime() - t) / 1_000_000;
        if (r.statut() != 201) {
            throw new IllegalStateException(r.statut() + " " + r.corps());
        }
        JsonNode s = r.json();
        System.out.printf("%-52s %8d %8d %8d %8d %10d%n", nom, s.get("dossiersRejoues").asInt(), s.get("dossiersChanges").asInt(),
                s.get("sortants").asInt(), s.get("entrants").asInt(), ms);
    }
}
