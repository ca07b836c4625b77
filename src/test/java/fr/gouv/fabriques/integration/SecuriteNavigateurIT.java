package fr.gouv.fabriques.integration;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.fabriques.securite.Limites;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Browser-facing security, over HTTP (README « Sécurité côté navigateur »): no Basic challenge to
 * browsers, no cross-site change with the Tasklist session, failed logins and anonymous sendings
 * limited per client address (429 with Retry-After).
 */
@IntegrationTest
class SecuriteNavigateurIT {

    private static final String ACCEPT_NAVIGATEUR = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @LocalServerPort
    int port;
    @Autowired
    Limites limites;

    Http http;
    String base;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        base = "http://127.0.0.1:" + port;
        limites.reinitialiser();
    }

    @AfterEach
    void remettreAZero() {
        // The other tests come from the same address.
        limites.reinitialiser();
    }

    // 1. -----------------------------------------------------------------------------------

    @Test
    void pasDeDefiBasicQuandLeClientDemandeDuHtml() {
        for (String chemin : List.of("/engine-rest/task", "/api/agents/moi", "/agents/dossiers/FDT-2026-0001")) {
            // curl's own Accept.
            Http.Reponse outil = http.get(chemin, Map.of("Accept", "*/*"));
            assertThat(outil.statut()).as(chemin).isEqualTo(401);
            assertThat(outil.entete("WWW-Authenticate")).as(chemin).startsWith("Basic");

            Http.Reponse navigateur = http.get(chemin, Map.of("Accept", ACCEPT_NAVIGATEUR));
            assertThat(navigateur.statut()).as(chemin).isEqualTo(401);
            assertThat(navigateur.entete("WWW-Authenticate")).as(chemin).isNull();
            assertThat(navigateur.corps()).as(chemin).containsAnyOf("Connexion requise", "Authentification requise");

            // A script of a page (fetch, XHR) does not ask for HTML but says it is a browser.
            Http.Reponse script = http.get(chemin, Map.of("Accept", "application/json, text/plain, */*", "Sec-Fetch-Mode", "cors",
                    "Sec-Fetch-Site", "same-origin"));
            assertThat(script.statut()).as(chemin).isEqualTo(401);
            assertThat(script.entete("WWW-Authenticate")).as(chemin).isNull();
        }
        // Wrong credentials from a browser: still no challenge; from a tool: the challenge, and a French reason.
        Http.Reponse faux = http.get("/engine-rest/task", Map.of("Accept", ACCEPT_NAVIGATEUR, "Authorization", basicFaux("inconnu")));
        assertThat(faux.statut()).isEqualTo(401);
        assertThat(faux.entete("WWW-Authenticate")).isNull();
        Http.Reponse fauxOutil = http.get("/engine-rest/task", Map.of("Authorization", basicFaux("inconnu")));
        assertThat(fauxOutil.entete("WWW-Authenticate")).startsWith("Basic");
        assertThat(fauxOutil.entete("Content-Type")).startsWith("application/problem+json");
        assertThat(fauxOutil.json().get("title").asText()).isEqualTo("Identifiants refusés");
        assertThat(http.get("/engine-rest/task", Http.basic("instructeur")).statut()).isEqualTo(200);
    }

    // 2. -----------------------------------------------------------------------------------

    @Test
    void uneModificationDUnAutreSiteAvecLaSessionTasklistEstRefusee() throws Exception {
        Navigateur navigateur = new Navigateur();
        assertThat(navigateur.connecterTasklist(base, "gestionnaire", "demo")).isEqualTo(200);
        String corps = "{\"code\": \"\"}";

        // A page of another site posts with the session cookie (it cannot read the CSRF token).
        HttpResponse<String> forgee = navigateur.envoyer(HttpRequest.newBuilder(URI.create(base + "/api/agents/vagues"))
                .header("Content-Type", "application/json").header("Origin", "https://site-malveillant.example")
                .header("Sec-Fetch-Site", "cross-site").POST(HttpRequest.BodyPublishers.ofString(corps)));
        assertThat(forgee.statusCode()).as(forgee.body()).isEqualTo(403);
        assertThat(forgee.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(Http.JSON.readTree(forgee.body()).get("title").asText()).isEqualTo("Requête d'un autre site refusée");

        // Without Origin nor token (an old browser, a form): refused too.
        HttpResponse<String> sansJeton = navigateur.envoyer(HttpRequest.newBuilder(URI.create(base + "/api/agents/vagues"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(corps)));
        assertThat(sansJeton.statusCode()).as(sansJeton.body()).isEqualTo(403);
        assertThat(Http.JSON.readTree(sansJeton.body()).get("title").asText()).isEqualTo("Jeton anti-falsification manquant");

        // The webapps' own way: the token of the XSRF-TOKEN cookie in X-XSRF-TOKEN. Past the door, the
        // request reaches the controller (which refuses the empty code: 400, not 401/403).
        HttpResponse<String> avecJeton = navigateur.envoyer(HttpRequest.newBuilder(URI.create(base + "/api/agents/vagues"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", navigateur.cookies.get("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString(corps)));
        assertThat(avecJeton.statusCode()).as(avecJeton.body()).isIn(400, 422);
        // Or a page of this very server (Origin identical).
        HttpResponse<String> memeOrigine = navigateur.envoyer(HttpRequest.newBuilder(URI.create(base + "/api/agents/vagues"))
                .header("Content-Type", "application/json").header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString(corps)));
        assertThat(memeOrigine.statusCode()).as(memeOrigine.body()).isIn(400, 422);

        // HTTP Basic from a tool, without Origin: unchanged; from another site: refused.
        Map<String, String> basic = new HashMap<>(Http.basic("gestionnaire"));
        assertThat(http.postJson("/api/agents/vagues", corps, basic).statut()).isIn(400, 422);
        basic.put("Origin", "https://site-malveillant.example");
        assertThat(http.postJson("/api/agents/vagues", corps, basic).statut()).isEqualTo(403);
    }

    // 3. -----------------------------------------------------------------------------------

    @Test
    void apresDixEchecsDeConnexionLAdresseAttend() throws Exception {
        int capacite = limites.limiteConnexions().capacite();
        Navigateur navigateur = new Navigateur();
        // Unknown ids: no real account is delayed by this test.
        for (int i = 0; i < capacite; i++) {
            assertThat(navigateur.connecterTasklist(base, "inconnu-" + UUID.randomUUID().toString().substring(0, 8), "faux"))
                    .as("échec %d", i + 1).isEqualTo(401);
        }
        HttpResponse<String> bloquee = navigateur.envoyer(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", navigateur.cookies.getOrDefault("XSRF-TOKEN", ""))
                .POST(HttpRequest.BodyPublishers.ofString("username=instructeur&password=demo")));
        assertThat(bloquee.statusCode()).isEqualTo(429);
        long attente = Long.parseLong(bloquee.headers().firstValue("Retry-After").orElseThrow());
        assertThat(attente).isBetween(1L, limites.limiteConnexions().periode().toSeconds());
        assertThat(Http.JSON.readTree(bloquee.body()).get("detail").asText()).contains("Trop d'échecs de connexion").contains("Réessayez dans");

        // The same address, by /engine-rest or the agents' API in Basic: waits too, before the password is tried.
        Http.Reponse rest = http.get("/engine-rest/task", Http.basic("instructeur"));
        assertThat(rest.statut()).isEqualTo(429);
        assertThat(rest.entete("Retry-After")).isNotNull();
        assertThat(rest.json().get("title").asText()).isEqualTo("Trop de requêtes");
        assertThat(http.get("/api/agents/moi", Http.basic("instructeur")).statut()).isEqualTo(429);
        // A session already open is no password attempt.
        Navigateur connecte = new Navigateur();
        limites.reinitialiser();
        assertThat(connecte.connecterTasklist(base, "instructeur", "demo")).isEqualTo(200);
        for (int i = 0; i < capacite; i++) {
            http.get("/engine-rest/task", Map.of("Authorization", basicFaux("inconnu-" + i)));
        }
        assertThat(http.get("/engine-rest/task", Http.basic("instructeur")).statut()).isEqualTo(429);
        assertThat(connecte.envoyer(HttpRequest.newBuilder(URI.create(base + "/api/agents/moi")).GET()).statusCode()).isEqualTo(200);
    }

    // 4. -----------------------------------------------------------------------------------

    @Test
    void lesDepotsAnonymesSontLimitesParAdresse() {
        int capacite = limites.depots().limite().capacite();
        for (int i = 0; i < capacite; i++) {
            // Invalid deposits count as well (refused 422 after the limit's token is taken): cheap to send.
            assertThat(http.postJson("/api/dossiers", "{}", Map.of()).statut()).as("dépôt %d", i + 1).isNotEqualTo(429);
        }
        Http.Reponse refus = http.postJson("/api/dossiers", Depots.valide(), Map.of());
        assertThat(refus.statut()).isEqualTo(429);
        assertThat(Long.parseLong(refus.entete("Retry-After"))).isBetween(1L, limites.depots().limite().periode().toSeconds());
        assertThat(refus.entete("Content-Type")).startsWith("application/problem+json");
        assertThat(refus.json().get("title").asText()).isEqualTo("Trop de requêtes");
        assertThat(refus.json().get("detail").asText()).contains("Trop de dépôts de dossier").contains("au plus " + capacite);
        // Sendings have their own limit, reading is not limited.
        assertThat(http.postMultipart("/api/dossiers/FDT-2026-9999/pieces", List.of(Http.Fichier.pdf("a.pdf", "a")), Map.of(),
                Http.bearer("jeton")).statut()).isNotEqualTo(429);
        assertThat(http.get("/api/dossiers/FDT-2026-9999", Http.bearer("jeton")).statut()).isNotEqualTo(429);
    }

    @Test
    void lesEnvoisDesPorteursSontLimitesParAdresse() {
        int capacite = limites.envois().limite().capacite();
        for (int i = 0; i < capacite; i++) {
            assertThat(http.envoyer("POST", "/api/dossiers/FDT-2026-9999/bilans/1", "", "application/json", Http.bearer("jeton")).statut())
                    .as("envoi %d", i + 1).isNotEqualTo(429);
        }
        for (String chemin : List.of("/api/dossiers/FDT-2026-9999/pieces", "/api/dossiers/FDT-2026-9999/convention/signature",
                "/api/dossiers/FDT-2026-9999/bilans/1")) {
            Http.Reponse refus = http.postMultipart(chemin, List.of(Http.Fichier.pdf("a.pdf", "a")), Map.of(), Http.bearer("jeton"));
            assertThat(refus.statut()).as(chemin).isEqualTo(429);
            assertThat(refus.entete("Retry-After")).isNotNull();
            assertThat(refus.json().get("detail").asText()).contains("Trop d'envois");
        }
        // Deposits have their own limit.
        assertThat(http.postJson("/api/dossiers", "{}", Map.of()).statut()).isNotEqualTo(429);
    }

    private static String basicFaux(String utilisateur) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((utilisateur + ":pas-le-bon").getBytes(StandardCharsets.UTF_8));
    }
}
