package fr.gouv.fabriques.integration;

import static fr.gouv.fabriques.integration.Http.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import fr.gouv.fabriques.application.port.NumeroteurDossier;
import fr.gouv.fabriques.domain.Appel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The deposit door of the API contract (OpenAPI, README), as an applicant's tool uses it. */
@IntegrationTest
class DepotIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    private int dossiers() {
        return jdbc.sql("select count(*) from dossier").query(Integer.class).single();
    }

    private List<String> champs(Http.Reponse r) {
        List<String> champs = new ArrayList<>();
        r.json().get("erreurs").forEach(e -> champs.add(e.get("champ").asText()));
        return champs;
    }

    @Autowired
    NumeroteurDossier numeroteur;
    @Autowired
    PlatformTransactionManager transactions;

    /**
     * The counter is not held until the deposit commits (doc/adr/0019): a second deposit gets the next number while the
     * first one's transaction is still open (with the counter in the deposit's transaction, it waited for it, and this
     * test fails after 20 s); the first one rolled back, its number stays taken.
     */
    @Test
    void unNumeroNAttendPasLaFinDuDepotPrecedentEtResteUnique() throws Exception {
        ExecutorService autre = Executors.newSingleThreadExecutor();
        try {
            String[] numeros = new String[2];
            new TransactionTemplate(transactions).executeWithoutResult(statut -> {
                numeros[0] = numeroteur.prochain(Appel.FABRIQUES_NUMERIQUES, 2091);
                try {
                    numeros[1] = autre.submit(() -> numeroteur.prochain(Appel.FABRIQUES_NUMERIQUES, 2091)).get(20, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError("le second numéro a attendu la fin de la première transaction", e);
                }
                statut.setRollbackOnly();
            });
            int premier = Integer.parseInt(numeros[0].substring("FNT-2091-".length()));
            assertThat(numeros[0]).startsWith("FNT-2091-");
            assertThat(numeros[1]).isEqualTo(String.format("FNT-2091-%04d", premier + 1));
            assertThat(numeroteur.prochain(Appel.FABRIQUES_NUMERIQUES, 2091)).isEqualTo(String.format("FNT-2091-%04d", premier + 2));
        } finally {
            autre.shutdownNow();
        }
    }

    @Test
    void unDepotValideRendLeNumeroEtUnJetonQuiOuvreLeDossier() {
        ObjectNode depot = Depots.valide();
        Http.Reponse r = http.postJson("/api/dossiers", depot, Map.of());
        assertThat(r.statut()).as(r.corps()).isEqualTo(201);
        String numero = r.json().get("numero").asText();
        assertThat(numero).matches("FDT-\\d{4}-\\d{4}");
        assertThat(r.json().get("vague").asText()).startsWith("FDT-");
        String jeton = r.json().get("jetonAcces").asText();
        assertThat(jeton).hasSizeGreaterThan(40);
        // The token is stored hashed only.
        assertThat(jdbc.sql("select count(*) from dossier where jeton_hash = ?").param(jeton).query(Integer.class).single()).isZero();

        JsonNode vue = http.get("/api/dossiers/" + numero, bearer(jeton)).json();
        assertThat(vue.get("numero").asText()).isEqualTo(numero);
        assertThat(vue.get("montantsDemandes").get("total").asInt()).isEqualTo(140_000);
        assertThat(vue.get("historique").get(0).get("libelle").asText()).contains("déposé");
    }

    @Test
    void chaqueChampInvalideEstListeEtRienNEstEcrit() {
        int avant = dossiers();
        ObjectNode depot = Depots.valide();
        ((ObjectNode) depot.get("structure")).put("siret", "12345678901234");
        ((ObjectNode) depot.get("structure")).put("formeJuridique", "SARL");
        ((ObjectNode) depot.get("contact")).put("email", "pas-un-email");
        ((ObjectNode) depot.get("montantsDemandes")).put("annee1", 60000);
        ((ObjectNode) depot.get("montantsDemandes")).put("annee3", 45000);
        ((ObjectNode) depot.get("montantsDemandes")).put("annee2", "50000");
        depot.put("inconnu", true);
        Http.Reponse r = http.postJson("/api/dossiers", depot, Map.of());
        assertThat(r.statut()).as(r.corps()).isEqualTo(422);
        assertThat(r.entete("Content-Type")).startsWith("application/problem+json");
        assertThat(champs(r)).contains("inconnu", "montantsDemandes.annee2");
        // Type errors come first; fix them and the form's errors are all listed together.
        depot.remove("inconnu");
        ((ObjectNode) depot.get("montantsDemandes")).put("annee2", 50000);
        r = http.postJson("/api/dossiers", depot, Map.of());
        assertThat(r.statut()).isEqualTo(422);
        assertThat(champs(r)).containsExactlyInAnyOrder("structure.siret", "structure.formeJuridique", "contact.email");
        assertThat(r.json().get("erreurs").toString()).contains("Luhn").contains("ASSOCIATION");
        // A well-formed deposit then meets the programme's rules, as the eligibility table says them (doc/adr/0007).
        ((ObjectNode) depot.get("structure")).put("siret", Depots.siret());
        ((ObjectNode) depot.get("structure")).put("formeJuridique", "ASSOCIATION");
        ((ObjectNode) depot.get("contact")).put("email", "camille@fabrique-du-val.fr");
        r = http.postJson("/api/dossiers", depot, Map.of());
        assertThat(r.statut()).as(r.corps()).isEqualTo(422);
        assertThat(champs(r)).containsExactly("montantsDemandes", "montantsDemandes");
        assertThat(r.json().get("erreurs").toString()).contains("plafond de 150 000 € sur 3 ans").contains("plafond de 50 000 € par an");
        assertThat(dossiers()).isEqualTo(avant);
    }

    @Test
    void unJsonMalFormeDonne400EtUnMauvaisTypeDeContenu415() {
        Http.Reponse r = http.envoyer("POST", "/api/dossiers", "{\"appel\": ", "application/json", Map.of());
        assertThat(r.statut()).isEqualTo(400);
        assertThat(r.json().get("title").asText()).isEqualTo("JSON mal formé");
        r = http.envoyer("POST", "/api/dossiers", "appel=FABRIQUES_TERRITOIRE", "application/x-www-form-urlencoded", Map.of());
        assertThat(r.statut()).isEqualTo(415);
        r = http.envoyer("POST", "/api/dossiers", "[]", "application/json", Map.of());
        assertThat(r.statut()).isEqualTo(422);
        r = http.envoyer("POST", "/api/dossiers", "", "application/json", Map.of());
        assertThat(r.statut()).isEqualTo(400);
    }

    @Test
    void unSecondDossierOuvertPourLeMemeSiretEstRefuse() {
        ObjectNode depot = Depots.valide();
        assertThat(http.postJson("/api/dossiers", depot, Map.of()).statut()).isEqualTo(201);
        ((ObjectNode) depot.get("projet")).put("nom", "Autre projet");
        Http.Reponse r = http.postJson("/api/dossiers", depot, Map.of());
        assertThat(r.statut()).as(r.corps()).isEqualTo(409);
        assertThat(r.json().get("detail").asText()).contains(depot.get("structure").get("siret").asText());
    }

    @Test
    void unDepotRejoueAvecLaMemeCleRendLaPremiereReponse() {
        ObjectNode depot = Depots.valide();
        Map<String, String> cle = Map.of("Idempotency-Key", "essai-" + depot.get("structure").get("siret").asText());
        Http.Reponse premier = http.postJson("/api/dossiers", depot, cle);
        Http.Reponse second = http.postJson("/api/dossiers", depot, cle);
        assertThat(premier.statut()).isEqualTo(201);
        assertThat(second.statut()).isEqualTo(201);
        assertThat(second.json().get("numero")).isEqualTo(premier.json().get("numero"));
        assertThat(second.json().get("jetonAcces")).isEqualTo(premier.json().get("jetonAcces"));
        assertThat(second.entete("Idempotent-Replayed")).isEqualTo("true");
        assertThat(jdbc.sql("select count(*) from dossier where siret = ?").param(depot.get("structure").get("siret").asText())
                .query(Integer.class).single()).isEqualTo(1);
        ((ObjectNode) depot.get("projet")).put("nom", "Un autre");
        assertThat(http.postJson("/api/dossiers", depot, cle).statut()).isEqualTo(422);
    }

    @Autowired
    fr.gouv.fabriques.application.depot.PurgerCleIdempotence purge;

    @Test
    void laReponseRejouableEstOublieeApresLaFenetre() {
        ObjectNode depot = Depots.valide();
        Map<String, String> cle = Map.of("Idempotency-Key", "purge-" + depot.get("structure").get("siret").asText());
        assertThat(http.postJson("/api/dossiers", depot, cle).statut()).isEqualTo(201);
        try {
            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofHours(25))));
            assertThat(purge.purger()).isPositive();
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
        assertThat(jdbc.sql("select count(*) from depot_idempotent where cle = ?").param(cle.get("Idempotency-Key"))
                .query(Integer.class).single()).isZero();
        // Past the window, a retry is a new deposit: the open dossier of this SIRET refuses it.
        assertThat(http.postJson("/api/dossiers", depot, cle).statut()).isEqualTo(409);
    }

    @Test
    void unDepotApresLaDateLimiteDeLaVagueEstRefuse() {
        ObjectNode depot = Depots.valide();
        depot.put("vague", "FDT-2019-12");
        Http.Reponse r = http.postJson("/api/dossiers", depot, Map.of());
        assertThat(r.statut()).isEqualTo(422);
        assertThat(r.json().get("erreurs").get(0).get("champ").asText()).isEqualTo("vague");
        assertThat(r.json().get("erreurs").get(0).get("message").asText()).contains("30/12/2019 à 23h59");
    }

    @Test
    void sansJetonOuAvecUnMauvaisJetonOnNApprendRienDuDossier() {
        Http.Reponse a = http.postJson("/api/dossiers", Depots.valide(), Map.of());
        Http.Reponse b = http.postJson("/api/dossiers", Depots.valide(), Map.of());
        String numeroA = a.json().get("numero").asText();
        Http.Reponse sans = http.get("/api/dossiers/" + numeroA, Map.of());
        assertThat(sans.statut()).isEqualTo(401);
        assertThat(sans.entete("WWW-Authenticate")).startsWith("Bearer");
        Http.Reponse autreJeton = http.get("/api/dossiers/" + numeroA, bearer(b.json().get("jetonAcces").asText()));
        Http.Reponse inconnu = http.get("/api/dossiers/FDT-2099-9999", bearer(b.json().get("jetonAcces").asText()));
        assertThat(autreJeton.statut()).isEqualTo(404);
        assertThat(inconnu.statut()).isEqualTo(404);
        assertThat(autreJeton.json().get("detail")).isEqualTo(inconnu.json().get("detail"));
    }
}
