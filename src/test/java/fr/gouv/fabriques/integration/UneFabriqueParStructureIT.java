package fr.gouv.fabriques.integration;

import static fr.gouv.fabriques.integration.Http.basic;
import static fr.gouv.fabriques.integration.Http.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * « Une Fabrique par structure » (README « Le programme en bref ») judged on the company (SIREN):
 * another establishment of the same company is refused while a dossier of it is open or once one
 * was funded; a refused one leaves the company free; a programme manager's exception lets exactly
 * one deposit through, and the dossier's journal says so; concurrent deposits of one SIREN never
 * both pass.
 */
@IntegrationTest
class UneFabriqueParStructureIT {

    private static final String DEROGATIONS = "/api/agents/derogations-siren";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext contexte;
    @Autowired
    fr.gouv.fabriques.application.vague.CreerVague creerVague;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    private static ObjectNode depot(String siret) {
        ObjectNode d = Depots.valide();
        ((ObjectNode) d.get("structure")).put("siret", siret);
        return d;
    }

    private Http.Reponse deposer(String siret) {
        return http.postJson("/api/dossiers", depot(siret), Map.of());
    }

    private int dossiers() {
        return jdbc.sql("select count(*) from dossier").query(Integer.class).single();
    }

    private String siretDe(String numero) {
        return jdbc.sql("select siret from dossier where numero = ?").param(numero).query(String.class).single();
    }

    private static void refuseSurLeSiren(Http.Reponse r, String siren) {
        assertThat(r.statut()).as(r.corps()).isEqualTo(409);
        assertThat(r.entete("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asText()).contains("SIREN " + siren).contains("une seule Fabrique par structure")
                .contains("gestionnaire").contains("dérogation");
        assertThat(r.json().get("erreurs")).singleElement()
                .satisfies(e -> assertThat(e.get("champ").asText()).isEqualTo("structure.siret"));
    }

    @Test
    void unAutreEtablissementDeLaMemeEntrepriseEstRefuseTantQueSonDossierEstEnCours() {
        String siren = Depots.siren();
        Http.Reponse premier = deposer(Depots.siret(siren, 1));
        assertThat(premier.statut()).as(premier.corps()).isEqualTo(201);
        String numero = premier.json().get("numero").asText();
        int avant = dossiers();

        Http.Reponse r = deposer(Depots.siret(siren, 2));
        refuseSurLeSiren(r, siren);
        assertThat(r.json().get("detail").asText()).contains("en cours");
        // Nothing of the other dossier: the applicant may not be the one who deposited it.
        assertThat(r.corps()).doesNotContain(numero).doesNotContain(Depots.siret(siren, 1)).doesNotContain("Camille")
                .doesNotContain("fabrique-du-val.fr").doesNotContain("DEPOSE");
        assertThat(dossiers()).isEqualTo(avant);

        // The same SIRET keeps its own answer.
        Http.Reponse memeSiret = deposer(Depots.siret(siren, 1));
        assertThat(memeSiret.statut()).isEqualTo(409);
        assertThat(memeSiret.json().get("detail").asText()).contains(Depots.siret(siren, 1));
        // Another company is not concerned.
        assertThat(deposer(Depots.siret()).statut()).isEqualTo(201);
    }

    @Test
    void unRefusLaisseLEntrepriseLibreUnFinancementLaBloqueMemeSolde() {
        Parcours parcours = Parcours.pour(port, contexte);
        String vague = Parcours.codeVague("FDT", 2037);
        creerVague.creer(vague, "FABRIQUES_TERRITOIRE", Parcours.dans(Duration.ofDays(700)), null);
        String laureat = parcours.deposer(vague, "HORS_GRANDS_CENTRES");
        String refuse = parcours.deposer(vague, "HORS_GRANDS_CENTRES");
        parcours.instruire(laureat);
        parcours.instruire(refuse);
        parcours.deliberer(vague, Map.of(laureat, "LAUREAT", refuse, "REFUSE"));
        assertThat(parcours.publier(vague)).isNull();
        assertThat(parcours.statut(laureat)).isEqualTo("LAUREAT");
        assertThat(parcours.statut(refuse)).isEqualTo("REFUSE");

        String sirenRefuse = siretDe(refuse).substring(0, 9);
        Http.Reponse nouvelEssai = deposer(Depots.siret(sirenRefuse, 2));
        assertThat(nouvelEssai.statut()).as("un refus ne bloque pas l'entreprise : " + nouvelEssai.corps()).isEqualTo(201);

        String sirenLaureat = siretDe(laureat).substring(0, 9);
        Http.Reponse r = deposer(Depots.siret(sirenLaureat, 2));
        refuseSurLeSiren(r, sirenLaureat);
        assertThat(r.json().get("detail").asText()).contains("retenue ou financée");

        // Settled: three years of payments are VersementsIT's business; here only the status matters to the rule,
        // so the laureate is moved to SOLDE directly. A settled Fabrique still blocks its company, its own SIRET included.
        jdbc.sql("update dossier set statut = 'SOLDE' where numero = ?").param(laureat).update();
        refuseSurLeSiren(deposer(Depots.siret(sirenLaureat, 3)), sirenLaureat);
        refuseSurLeSiren(deposer(siretDe(laureat)), sirenLaureat);
    }

    @Test
    void uneDerogationLaissePasserExactementUnDepotEtLeJournalLeDit() {
        String siren = Depots.siren();
        assertThat(deposer(Depots.siret(siren, 1)).statut()).isEqualTo(201);

        // Who may grant it, and what is checked.
        Map<String, String> corps = Map.of("siren", siren, "motif", "Second tiers-lieu du réseau, autre commune, équipe distincte",
                "raisonSociale", "Réseau des Fabriques du Val");
        assertThat(http.postJson(DEROGATIONS, corps, Map.of()).statut()).isEqualTo(401);
        assertThat(http.postJson(DEROGATIONS, corps, basic("instructeur")).statut()).isEqualTo(403);
        Http.Reponse invalide = http.postJson(DEROGATIONS, Map.of("siren", "732829321", "motif", " "), basic("gestionnaire"));
        assertThat(invalide.statut()).as(invalide.corps()).isEqualTo(422);
        assertThat(invalide.json().get("erreurs").findValuesAsText("champ")).containsExactly("siren", "motif");
        assertThat(invalide.json().get("erreurs").toString()).contains("Luhn");
        Http.Reponse tropLong = http.postJson(DEROGATIONS, Map.of("siren", siren, "motif", "m".repeat(2001)), basic("gestionnaire"));
        assertThat(tropLong.statut()).isEqualTo(422);
        assertThat(tropLong.json().get("erreurs").findValuesAsText("champ")).containsExactly("motif");
        assertThat(http.get(DEROGATIONS + "?siren=" + siren, basic("gestionnaire")).json()).isEmpty();

        Http.Reponse accordee = http.postJson(DEROGATIONS, corps, basic("gestionnaire"));
        assertThat(accordee.statut()).as(accordee.corps()).isEqualTo(201);
        long id = accordee.json().get("id").asLong();
        assertThat(accordee.entete("Location")).isEqualTo(DEROGATIONS + "/" + id);
        assertThat(accordee.json().get("etat").asText()).isEqualTo("DISPONIBLE");
        assertThat(accordee.json().get("accordeePar").asText()).isEqualTo("gestionnaire");

        Http.Reponse admis = deposer(Depots.siret(siren, 2));
        assertThat(admis.statut()).as(admis.corps()).isEqualTo(201);
        String numero = admis.json().get("numero").asText();

        JsonNode utilisee = http.get(DEROGATIONS + "/" + id, basic("instructeur")).json();
        assertThat(utilisee.get("etat").asText()).isEqualTo("UTILISEE");
        assertThat(utilisee.get("dossier").asText()).isEqualTo(numero);
        assertThat(utilisee.get("utiliseeLe").isNull()).isFalse();

        JsonNode journal = http.get("/api/agents/dossiers/" + numero + "/journal", basic("gestionnaire")).json().get("evenements");
        List<JsonNode> derogation = new ArrayList<>();
        journal.forEach(e -> {
            if ("DEPOT_PAR_DEROGATION".equals(e.get("type").asText())) {
                derogation.add(e);
            }
        });
        assertThat(derogation).singleElement().satisfies(e -> {
            assertThat(e.get("libelle").asText()).contains("dérogation n° " + id).contains("SIREN " + siren)
                    .contains("Second tiers-lieu du réseau").contains("gestionnaire");
            assertThat(e.get("acteur").asText()).isEqualTo("gestionnaire");
            assertThat(e.get("visiblePorteur").asBoolean()).isFalse();
        });
        // The applicant's view shows his deposit, not the programme team's reasons.
        String vuePorteur = http.get("/api/dossiers/" + numero, bearer(admis.json().get("jetonAcces").asText())).corps();
        assertThat(vuePorteur).contains("déposé").doesNotContain("Second tiers-lieu").doesNotContain("dérogation");

        // Used once: the next establishment is refused again.
        refuseSurLeSiren(deposer(Depots.siret(siren, 3)), siren);
        JsonNode liste = http.get(DEROGATIONS + "?siren=" + siren, basic("gestionnaire")).json();
        assertThat(liste).singleElement().satisfies(d -> assertThat(d.get("dossier").asText()).isEqualTo(numero));
        assertThat(http.get(DEROGATIONS + "?siren=123", basic("gestionnaire")).statut()).isEqualTo(422);
        assertThat(http.get(DEROGATIONS + "/999999999", basic("gestionnaire")).statut()).isEqualTo(404);
        assertThat(http.get(DEROGATIONS, basic("comite")).statut()).isEqualTo(403);
    }

    @Test
    void uneDerogationNeSertPasQuandLaRegleNeBloquePas() {
        String siren = Depots.siren();
        Http.Reponse accordee = http.postJson(DEROGATIONS, Map.of("siren", siren, "motif", "Accordée d'avance"), basic("gestionnaire"));
        assertThat(accordee.statut()).isEqualTo(201);
        assertThat(deposer(Depots.siret(siren, 1)).statut()).isEqualTo(201);
        assertThat(http.get(DEROGATIONS + "/" + accordee.json().get("id").asLong(), basic("gestionnaire")).json().get("etat").asText())
                .isEqualTo("DISPONIBLE");
        // Kept for the second establishment, which the rule now refuses.
        assertThat(deposer(Depots.siret(siren, 2)).statut()).isEqualTo(201);
        assertThat(http.get(DEROGATIONS + "/" + accordee.json().get("id").asLong(), basic("gestionnaire")).json().get("etat").asText())
                .isEqualTo("UTILISEE");
    }

    @Test
    void deuxDepotsSimultanesDeLaMemeEntrepriseUnSeulPasse() throws Exception {
        for (int essai = 0; essai < 3; essai++) {
            String siren = Depots.siren();
            int n = 4;
            CountDownLatch depart = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(n);
            try {
                List<Future<Http.Reponse>> reponses = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    ObjectNode d = depot(Depots.siret(siren, i));
                    reponses.add(pool.submit(() -> {
                        depart.await();
                        return new Http(port).postJson("/api/dossiers", d, Map.of());
                    }));
                }
                depart.countDown();
                List<Integer> statuts = new ArrayList<>();
                for (Future<Http.Reponse> f : reponses) {
                    statuts.add(f.get().statut());
                }
                assertThat(statuts).as("SIREN " + siren).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
                assertThat(jdbc.sql("select count(*) from dossier where substr(siret, 1, 9) = ?").param(siren).query(Integer.class).single())
                        .isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
