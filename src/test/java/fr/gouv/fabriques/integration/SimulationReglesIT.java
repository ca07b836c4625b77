package fr.gouv.fabriques.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gouv.fabriques.application.port.EcritureHistorique;
import fr.gouv.fabriques.application.simulation.HistoriqueDemo;
import fr.gouv.fabriques.domain.Appel;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.Programme;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * « Simuler un changement de règle »: three past waves seeded by the demo history generator in
 * waves of their own (2011, counters recorded per wave, the live programme row untouched), then
 * replayed over HTTP under candidate tables and quotas. Expectations are computed here, from the
 * recorded scores, without the application's replay.
 */
@IntegrationTest
class SimulationReglesIT {

    static final List<String> VAGUES = List.of("FDT-2011-03", "FDT-2011-06", "FDT-2011-09");
    private static boolean seme;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RepositoryService repository;
    @Autowired
    HistoriqueDemo historique;
    @Autowired
    EcritureHistorique ecriture;
    @Autowired
    org.springframework.context.ApplicationContext contexte;
    @Autowired
    fr.gouv.fabriques.application.vague.CreerVague creerVague;
    Http http;

    @BeforeEach
    void semer() {
        http = new Http(port);
        if (seme) {
            return;
        }
        Map<Categorie, Integer> quotas = Map.of(Categorie.HORS_GRANDS_CENTRES, 15, Categorie.QPV, 12, Categorie.NUMERIQUE_QPV, 30);
        Map<Categorie, Integer> aucun = Map.of();
        List<HistoriqueDemo.PlanVague> plans = List.of(
                new HistoriqueDemo.PlanVague(Appel.FABRIQUES_TERRITOIRE, LocalDate.of(2011, 3, 30), Map.of(Categorie.HORS_GRANDS_CENTRES, 6,
                        Categorie.QPV, 5), aucun, quotas),
                new HistoriqueDemo.PlanVague(Appel.FABRIQUES_TERRITOIRE, LocalDate.of(2011, 6, 30), Map.of(Categorie.HORS_GRANDS_CENTRES, 4,
                        Categorie.QPV, 4), aucun, quotas),
                new HistoriqueDemo.PlanVague(Appel.FABRIQUES_TERRITOIRE, LocalDate.of(2011, 9, 30), Map.of(Categorie.HORS_GRANDS_CENTRES, 5,
                        Categorie.QPV, 3), aucun, quotas));
        Map<Categorie, Integer> zero = Map.of(Categorie.HORS_GRANDS_CENTRES, 0, Categorie.QPV, 0, Categorie.NUMERIQUE_QPV, 0);
        if (!ecriture.dejaSeme(VAGUES)) {
            EcritureHistorique.Historique h = historique.generer(plans, 42, "SIM", new Programme(300, quotas, zero, 45_000_000, 0));
            // Waves of their own, written without touching the live programme row; then their laureates and commitments are
            // added to its counters, as a real past would have them: the shared database keeps « counters = laureates in base »,
            // which other tests (RejeuVaguesIT) check. Each simulation run is then compared before and after.
            ecriture.ecrire(new EcritureHistorique.Historique(h.vagues(), h.dossiers(), h.decisions(), null, null));
            Programme passe = h.programmeFinal();
            jdbc.sql("""
                    update programme set laureats_hors_grands_centres = laureats_hors_grands_centres + ?,
                        laureats_qpv = laureats_qpv + ?, laureats_numerique_qpv = laureats_numerique_qpv + ?, engage = engage + ?
                    where id = 1""")
                    .param(passe.laureats().get(Categorie.HORS_GRANDS_CENTRES)).param(passe.laureats().get(Categorie.QPV))
                    .param(passe.laureats().get(Categorie.NUMERIQUE_QPV)).param(passe.engage()).update();
        }
        seme = true;
    }

    private Map<String, String> vagues() {
        return Map.of("vagues", String.join(",", VAGUES));
    }

    /** The grid recorded with these dossiers' proposals, as deployed then. */
    private byte[] grilleEnregistree() {
        String id = jdbc.sql("""
                select i.notation_poids_decision from instruction i join dossier d on d.id = i.dossier_id
                where d.numero like 'SIM-%' and i.notation_poids_decision is not null limit 1
                """).query(String.class).single();
        return ressource(repository.getDecisionDefinition(id));
    }

    private byte[] eligibiliteEnregistree() {
        String id = jdbc.sql("""
                select i.eligibilite_decision from instruction i join dossier d on d.id = i.dossier_id
                where d.numero like 'SIM-%' limit 1
                """).query(String.class).single();
        return ressource(repository.getDecisionDefinition(id));
    }

    private byte[] ressource(DecisionDefinition d) {
        try (InputStream in = repository.getResourceAsStream(d.getDeploymentId(), d.getResourceName())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Http.Reponse simuler(Map<String, List<Http.Fichier>> fichiers, Map<String, String> champs) {
        return http.postMultipart("/api/agents/simulations", fichiers, champs, Http.basic("analyste"));
    }

    private static Http.Fichier dmn(String nom, byte[] octets) {
        return new Http.Fichier(nom, "application/xml", octets);
    }

    @Test
    void desTablesIdentiquesAuxTablesEnregistreesNeChangentRien() {
        Http.Reponse r = simuler(Map.of("eligibilite", List.of(dmn("eligibilite.dmn", eligibiliteEnregistree())), "notation",
                List.of(dmn("notation.dmn", grilleEnregistree()))), vagues());
        assertThat(r.statut()).as(r.corps()).isEqualTo(201);
        JsonNode s = r.json();
        assertThat(s.get("dossiersRejoues").asInt()).isGreaterThan(27 * 7);
        assertThat(s.get("dossiersChanges").asInt()).isZero();
        assertThat(s.get("sortants").asInt()).isZero();
        assertThat(s.get("entrants").asInt()).isZero();
        assertThat(s.get("rapport").get("vagues")).hasSize(3);
        for (JsonNode v : s.get("rapport").get("vagues")) {
            assertThat(v.get("lignes")).isEmpty();
            assertThat(v.get("etatReconstitue").asBoolean()).isFalse();
            assertThat(v.get("entreesReconstituees").asInt()).isZero();
        }
        // Every laureate of the committee is within its quota, and each category used exactly its places.
        JsonNode categories = s.get("rapport").get("global").get("categories");
        for (JsonNode c : categories) {
            assertThat(c.get("dansQuotaApres").asInt()).isEqualTo(c.get("laureatsReels").asInt());
        }
        assertThat(s.get("eligibilite").get("sha256").asText()).hasSize(64);
    }

    private record Seance(String vague, String numero, Categorie categorie, int[] notes, BigDecimal score, boolean laureat) {
    }

    private List<Seance> seances() {
        return jdbc.sql("""
                select dc.vague, d.numero, d.categorie, dc.decision, i.score_total, i.note_gouvernance, i.note_partenariats, i.note_besoin_local,
                       i.note_offre_services, i.note_modele_economique, i.note_emploi
                from decision_comite dc join dossier d on d.id = dc.dossier_id join instruction i on i.dossier_id = d.id
                where dc.vague in (:vagues) and dc.etat = 'PUBLIEE'
                """).param("vagues", VAGUES).query((rs, i) -> new Seance(rs.getString("vague"), rs.getString("numero"),
                Categorie.valueOf(rs.getString("categorie")), new int[] {rs.getInt("note_gouvernance"), rs.getInt("note_partenariats"),
                    rs.getInt("note_besoin_local"), rs.getInt("note_offre_services"), rs.getInt("note_modele_economique"), rs.getInt("note_emploi")},
                rs.getBigDecimal("score_total"), "LAUREAT".equals(rs.getString("decision")))).list();
    }

    /** The committee's places per wave and category are its laureates; the best ranked non-défavorable (≥ 50) fill them. */
    private static Map<String, Set<String>> laureatsAttendus(List<Seance> seances, java.util.function.Function<Seance, BigDecimal> score) {
        Map<String, Set<String>> parVague = new LinkedHashMap<>();
        for (String v : VAGUES) {
            Set<String> retenus = new HashSet<>();
            for (Categorie c : Categorie.values()) {
                List<Seance> cat = seances.stream().filter(s -> s.vague().equals(v) && s.categorie() == c).toList();
                long places = cat.stream().filter(Seance::laureat).count();
                List<Seance> classes = new ArrayList<>(cat);
                classes.sort(Comparator.comparing(score).reversed().thenComparing(Seance::numero));
                for (Seance s : classes) {
                    if (places > 0 && score.apply(s).compareTo(BigDecimal.valueOf(50)) >= 0) {
                        retenus.add(s.numero());
                        places--;
                    }
                }
            }
            parVague.put(v, retenus);
        }
        return parVague;
    }

    private static Map<String, String> mouvements(JsonNode simulation) {
        Map<String, String> m = new LinkedHashMap<>();
        for (JsonNode v : simulation.get("rapport").get("vagues")) {
            for (JsonNode l : v.get("lignes")) {
                if (!l.get("mouvement").isNull()) {
                    m.put(l.get("numero").asText(), l.get("mouvement").asText());
                }
            }
        }
        return m;
    }

    @Test
    void unPoidsChangeDeplaceExactementLesDossiersAttendus() {
        String grille = new String(grilleEnregistree(), StandardCharsets.UTF_8);
        String avant = "<outputEntry id=\"LiteralExpression_PoidsTerritoire_Emploi\"><text>2</text></outputEntry>";
        assertThat(grille).contains(avant);
        byte[] candidate = grille.replace(avant, avant.replace(">2<", ">9<")).getBytes(StandardCharsets.UTF_8);
        Http.Reponse r = simuler(Map.of("notation", List.of(dmn("notation-emploi.dmn", candidate))), vagues());
        assertThat(r.statut()).as(r.corps()).isEqualTo(201);

        // Independently: weights 3, 2, 3, 2, 2, 9 for the Fabriques de territoire, score = Σ p·n × 100 / (Σ p × 5), one decimal.
        int[] poids = {3, 2, 3, 2, 2, 9};
        List<Seance> seances = seances();
        java.util.function.Function<Seance, BigDecimal> nouveau = s -> {
            long somme = 0;
            for (int i = 0; i < 6; i++) {
                somme += (long) poids[i] * s.notes()[i];
            }
            return BigDecimal.valueOf(somme * 100).divide(BigDecimal.valueOf(21 * 5), 1, RoundingMode.HALF_UP);
        };
        Map<String, Set<String>> avantSim = laureatsAttendus(seances, Seance::score);
        Map<String, Set<String>> apres = laureatsAttendus(seances, nouveau);
        Map<String, String> attendus = new LinkedHashMap<>();
        for (Seance s : seances) {
            boolean dedans = apres.get(s.vague()).contains(s.numero());
            boolean avantDedans = avantSim.get(s.vague()).contains(s.numero());
            if (s.laureat() && avantDedans && !dedans) {
                attendus.put(s.numero(), "SORTIRAIT");
            } else if (!s.laureat() && !avantDedans && dedans) {
                attendus.put(s.numero(), "ENTRERAIT");
            }
        }
        assertThat(attendus).as("le poids de l'emploi change bien des lauréats").isNotEmpty();
        assertThat(mouvements(r.json())).isEqualTo(attendus);
        // Scores are the ones computed here.
        for (JsonNode v : r.json().get("rapport").get("vagues")) {
            for (JsonNode l : v.get("lignes")) {
                Seance s = seances.stream().filter(x -> x.numero().equals(l.get("numero").asText())).findFirst().orElseThrow();
                assertThat(l.get("scoreApres").decimalValue()).isEqualByComparingTo(nouveau.apply(s));
            }
        }
    }

    @Test
    void unQuotaPlusBasDeplaceLaLimiteDeLaDerniereVague() {
        // QPV: 5 + 4 + 3 laureates for a quota of 12; with 10, the last wave keeps only 1 of its 3.
        Http.Reponse r = simuler(Map.of(), Map.of("vagues", String.join(",", VAGUES), "quotaQpv", "10"));
        assertThat(r.statut()).as(r.corps()).isEqualTo(201);
        List<String> derniers = seances().stream().filter(s -> s.vague().equals("FDT-2011-09") && s.categorie() == Categorie.QPV && s.laureat())
                .sorted(Comparator.comparing(Seance::score).reversed().thenComparing(Seance::numero)).map(Seance::numero).toList();
        assertThat(derniers).hasSize(3);
        Map<String, String> attendus = new LinkedHashMap<>();
        attendus.put(derniers.get(1), "SORTIRAIT");
        attendus.put(derniers.get(2), "SORTIRAIT");
        assertThat(mouvements(r.json())).isEqualTo(attendus);
        JsonNode qpv = r.json().get("rapport").get("vagues").get(2).get("synthese").get("categories").get(1);
        assertThat(qpv.get("placesAvant").asInt()).isEqualTo(3);
        assertThat(qpv.get("placesApres").asInt()).isEqualTo(1);
    }

    /**
     * The application's tables, the outbox (notification) and the engine's runtime, history and repository.
     * Not act_ru_meter_log: the engine's metrics reporter flushes on its own timer, whatever the test does.
     */
    private Map<String, Long> comptes() {
        Map<String, Long> c = new LinkedHashMap<>();
        for (String t : List.of("dossier", "instruction", "decision_comite", "vague", "publication_vague", "etat_programme_vague", "notification",
                "evenement_dossier", "reequilibrage_quota", "act_ru_execution", "act_ru_task", "act_ru_job", "act_hi_decinst", "act_re_decision_def",
                "act_re_deployment", "act_ge_bytearray", "simulation_regles")) {
            c.put(t, jdbc.sql("select count(*) from " + t).query(Long.class).single());
        }
        c.put("programme", jdbc.sql("select laureats_hors_grands_centres + laureats_qpv + laureats_numerique_qpv + engage from programme")
                .query(Long.class).single());
        return c;
    }

    @Test
    void rienDeVivantNEstEcritSeuleLExecutionEstEnregistree() {
        Map<String, Long> avant = comptes();
        Http.Reponse r = simuler(Map.of("notation", List.of(dmn("notation.dmn", grilleEnregistree()))),
                Map.of("vagues", String.join(",", VAGUES), "quotaHorsGrandsCentres", "14", "enveloppe", "44000000"));
        assertThat(r.statut()).as(r.corps()).isEqualTo(201);
        Map<String, Long> apres = comptes();
        Map<String, Long> attendu = new LinkedHashMap<>(avant);
        attendu.put("simulation_regles", avant.get("simulation_regles") + 1);
        assertThat(apres).isEqualTo(attendu);
        long id = r.json().get("id").asLong();
        assertThat(jdbc.sql("select lancee_par from simulation_regles where id = ?").param(id).query(String.class).single()).isEqualTo("analyste");
        assertThat(jdbc.sql("select notation_sha256 from simulation_regles where id = ?").param(id).query(String.class).single()).hasSize(64);

        // Read back, and downloaded as CSV and XLSX.
        Http.Reponse lue = http.get("/api/agents/simulations/" + id, Http.basic("gestionnaire"));
        assertThat(lue.statut()).isEqualTo(200);
        assertThat(lue.json().get("rapport").get("vagues")).hasSize(3);
        Http.ReponseOctets csv = http.getOctets("/api/agents/simulations/" + id + "/rapport.csv", Http.basic("gestionnaire"));
        assertThat(csv.statut()).isEqualTo(200);
        assertThat(csv.texte()).contains("Vague;Numéro;Structure;Catégorie");
        assertThat(csv.texte().lines().count()).isEqualTo(1 + countLignes(lue.json()));
        Http.ReponseOctets xlsx = http.getOctets("/api/agents/simulations/" + id + "/rapport.xlsx", Http.basic("analyste"));
        assertThat(xlsx.statut()).isEqualTo(200);
        try (XSSFWorkbook classeur = new XSSFWorkbook(new ByteArrayInputStream(xlsx.corps()))) {
            assertThat(classeur.getSheet("Dossiers").getRow(0).getCell(1).getStringCellValue()).isEqualTo("Numéro");
            assertThat(classeur.getSheet("Dossiers").getLastRowNum()).isEqualTo(countLignes(lue.json()));
            assertThat(classeur.getSheet("Synthèse").getLastRowNum()).isEqualTo(9);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int countLignes(JsonNode s) {
        int n = 0;
        for (JsonNode v : s.get("rapport").get("vagues")) {
            n += v.get("lignes").size();
        }
        return n;
    }

    @Test
    void lesEntreesInvalidesSontRefuseesEnFrancais() {
        Http.Reponse illisible = simuler(Map.of("notation", List.of(dmn("notation.dmn", "<definitions><oups".getBytes(StandardCharsets.UTF_8)))),
                vagues());
        assertThat(illisible.statut()).isEqualTo(422);
        assertThat(illisible.entete("Content-Type")).startsWith("application/problem+json");
        assertThat(illisible.corps()).contains("notation").contains("n'est pas une table DMN lisible").doesNotContain("Exception")
                .doesNotContain("org.camunda").doesNotContain("DMN-");
        Http.Reponse sansDecision = simuler(Map.of("eligibilite", List.of(dmn("e.dmn", grilleEnregistree()))), vagues());
        assertThat(sansDecision.statut()).isEqualTo(422);
        assertThat(sansDecision.corps()).contains("ne contient pas la décision « Decision_Eligibilite »");
        byte[] gros = new byte[600 * 1024];
        java.util.Arrays.fill(gros, (byte) ' ');
        Http.Reponse tropGros = simuler(Map.of("notation", List.of(dmn("n.dmn", gros))), vagues());
        assertThat(tropGros.statut()).isEqualTo(422);
        assertThat(tropGros.corps()).contains("512 Ko");
        Http.Reponse vagueInconnue = simuler(Map.of(), Map.of("vagues", "FDT-1999-01", "quotaQpv", "3"));
        assertThat(vagueInconnue.statut()).isEqualTo(422);
        assertThat(vagueInconnue.corps()).contains("vagues[0]").contains("n'est pas une vague délibérée");
        Http.Reponse quota = simuler(Map.of(), Map.of("quotaQpv", "beaucoup"));
        assertThat(quota.statut()).isEqualTo(422);
        assertThat(quota.corps()).contains("quotaQpv");
        Http.Reponse rien = simuler(Map.of(), vagues());
        assertThat(rien.statut()).isEqualTo(422);
        assertThat(http.postMultipart("/api/agents/simulations", Map.of(), Map.of("quotaQpv", "3"), Http.basic("instructeur")).statut())
                .isEqualTo(403);
        assertThat(http.get("/api/agents/simulations/999999", Http.basic("analyste")).statut()).isEqualTo(404);
    }

    @Test
    void unDeploiementDesigneSertDeCandidat() {
        String deploiement = repository.getDecisionDefinition(jdbc.sql("""
                select i.notation_poids_decision from instruction i join dossier d on d.id = i.dossier_id
                where d.numero like 'SIM-%' and i.notation_poids_decision is not null limit 1
                """).query(String.class).single()).getDeploymentId();
        Http.Reponse r = simuler(Map.of(), Map.of("vagues", String.join(",", VAGUES), "deploiement", deploiement));
        assertThat(r.statut()).as(r.corps()).isEqualTo(201);
        assertThat(r.json().get("notation").get("origine").asText()).contains("déploiement " + deploiement);
        Http.Reponse inconnu = simuler(Map.of(), Map.of("vagues", String.join(",", VAGUES), "deploiement", "inconnu"));
        assertThat(inconnu.statut()).isEqualTo(422);
        assertThat(inconnu.corps()).contains("aucun déploiement");
    }

    @Test
    void unDossierDecideAujourdHuiEnregistreCeQueLeRejeuRelira() {
        Parcours parcours = Parcours.pour(port, contexte);
        String vague = Parcours.codeVague("FDT", 2038);
        creerVague.creer(vague, "FABRIQUES_TERRITOIRE", Parcours.dans(java.time.Duration.ofDays(600)), null);
        String numero = parcours.deposer(vague, "HORS_GRANDS_CENTRES");
        parcours.instruire(numero);
        parcours.deliberer(vague, Map.of(numero, "LAUREAT"));
        assertThat(parcours.publier(vague)).isNull();

        // The eligibility inputs as evaluated (facts and programme figures), and the counters before the publication.
        String entrees = jdbc.sql("select i.eligibilite_entrees from instruction i join dossier d on d.id = i.dossier_id where d.numero = ?")
                .param(numero).query(String.class).single();
        assertThat(entrees).contains("\"montantTotal\"", "\"typeEpci\"", "\"formeJuridique\"", "\"plancherTotal\"", "\"categorie\":\"HORS_GRANDS_CENTRES\"");
        Map<String, Object> etat = jdbc.sql("select * from etat_programme_vague where vague = ?").param(vague).query().singleRow();
        Map<String, Object> programme = jdbc.sql("select * from programme where id = 1").query().singleRow();
        assertThat(((Number) etat.get("laureats_hors_grands_centres")).intValue())
                .isEqualTo(((Number) programme.get("laureats_hors_grands_centres")).intValue() - 1);
        assertThat(etat.get("quota_hors_grands_centres")).isEqualTo(programme.get("quota_hors_grands_centres"));

        // Replayed: with no place left in its category, the laureate would leave.
        Http.Reponse r = simuler(Map.of(), Map.of("vagues", vague, "quotaHorsGrandsCentres",
                String.valueOf(((Number) etat.get("laureats_hors_grands_centres")).intValue())));
        assertThat(r.statut()).as(r.corps()).isEqualTo(201);
        assertThat(mouvements(r.json())).isEqualTo(Map.of(numero, "SORTIRAIT"));
        assertThat(r.json().get("rapport").get("vagues").get(0).get("etatReconstitue").asBoolean()).isFalse();
        assertThat(r.json().get("rapport").get("vagues").get(0).get("entreesReconstituees").asInt()).isZero();
    }
}
