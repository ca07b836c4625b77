package fr.gouv.fabriques.integration;

import static fr.gouv.fabriques.integration.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The agents' API (/api/agents/**): HTTP Basic with a Camunda account, or the Tasklist login of the same browser. */
@IntegrationTest
class AgentsIT {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcClient jdbc;

    Http http;
    IdentityService identites;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        identites = engine.getIdentityService();
    }

    static Map<String, String> basicAvec(String utilisateur, String motDePasse) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString((utilisateur + ":" + motDePasse).getBytes(StandardCharsets.UTF_8)));
    }

    /** A throw-away account: a wrong password locks an account for a while, so never use a shared demo account for it. */
    private String compteJetable(String groupe) {
        String id = "agent-it-" + UUID.randomUUID().toString().substring(0, 8);
        User u = identites.newUser(id);
        u.setPassword("Un-b0n-mot-de-passe !");
        identites.saveUser(u);
        if (groupe != null) {
            identites.createMembership(id, groupe);
        }
        return id;
    }

    @Test
    void sansIdentifiants401AvecLeDefiBasic() {
        Http.Reponse r = http.get("/api/agents/moi", Map.of());
        assertThat(r.statut()).isEqualTo(401);
        assertThat(r.entete("WWW-Authenticate")).isEqualTo("Basic realm=\"fabriques\"");
        assertThat(r.entete("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("title").asText()).isEqualTo("Authentification requise");
        // Not even the existence of an endpoint is told before authentication.
        assertThat(http.get("/api/agents/nexiste-pas", Map.of()).statut()).isEqualTo(401);
        // An applicant's bearer token is no agent credential.
        assertThat(http.get("/api/agents/moi", Http.bearer("un-jeton")).statut()).isEqualTo(401);
    }

    @Test
    void mauvaisMotDePasse401() {
        String id = compteJetable("instructeurs");
        try {
            Http.Reponse r = http.get("/api/agents/moi", basicAvec(id, "un-mauvais-mot-de-passe"));
            assertThat(r.statut()).isEqualTo(401);
            assertThat(r.entete("WWW-Authenticate")).isEqualTo("Basic realm=\"fabriques\"");
            assertThat(r.json().get("title").asText()).isEqualTo("Identifiants refusés");
            assertThat(http.get("/api/agents/moi", basicAvec("inconnu-" + id, "demo")).statut()).isEqualTo(401);
            // A failed login counts, as in Tasklist: the engine recorded the attempt.
            assertThat(jdbc.sql("select attempts_ from act_id_user where id_ = ?").param(id).query(Integer.class).single()).isEqualTo(1);
        } finally {
            identites.deleteUser(id);
        }
    }

    @Test
    void unGroupeNonAgent403() {
        String porteur = compteJetable("porteurs");
        try {
            Http.Reponse r = http.get("/api/agents/moi", basicAvec(porteur, "Un-b0n-mot-de-passe !"));
            assertThat(r.statut()).isEqualTo(403);
            assertThat(r.entete("WWW-Authenticate")).isNull();
            assertThat(r.json().get("detail").asText()).contains("porteurs").contains("instructeurs");
        } finally {
            identites.deleteUser(porteur);
        }
        String sansGroupe = compteJetable(null);
        try {
            assertThat(http.get("/api/agents/moi", basicAvec(sansGroupe, "Un-b0n-mot-de-passe !")).statut()).isEqualTo(403);
        } finally {
            identites.deleteUser(sansGroupe);
        }
    }

    @Test
    void lAgentDuBonGroupe200() {
        Http.Reponse r = http.get("/api/agents/moi", basic("referent-58"));
        assertThat(r.statut()).as(r.corps()).isEqualTo(200);
        assertThat(r.json().get("id").asText()).isEqualTo("referent-58");
        assertThat(r.json().get("groupes").toString()).contains("referents-territoriaux").contains("referents-58");
    }

    @Test
    void laConnexionTasklistDuMemeNavigateurSuffitPourLire() throws Exception {
        Navigateur navigateur = new Navigateur();
        // Tasklist's own login: fetch the CSRF cookie, then post the credentials.
        HttpResponse<String> page = navigateur.envoyer(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(navigateur.cookies).containsKey("XSRF-TOKEN");
        String formulaire = "username=" + URLEncoder.encode("instructeur", StandardCharsets.UTF_8) + "&password=demo";
        HttpResponse<String> login = navigateur.envoyer(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", navigateur.cookies.get("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString(formulaire)));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(navigateur.cookies).containsKey("JSESSIONID");
        assertThat(navigateur.cheminJsessionid).as("le cookie de session couvre /api").isEqualTo("/");

        HttpResponse<String> moi = navigateur.envoyer(HttpRequest.newBuilder(uri("/api/agents/moi")).GET());
        assertThat(moi.statusCode()).as(moi.body()).isEqualTo(200);
        assertThat(moi.body()).contains("\"id\":\"instructeur\"");

        // Logged out of Tasklist: the session no longer opens the API. The CSRF token was renewed with
        // the session at login; Tasklist reads it from its next call to the webapp API.
        HttpResponse<String> utilisateur = navigateur.envoyer(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default")).GET());
        assertThat(utilisateur.statusCode()).as(utilisateur.body()).isEqualTo(200);
        HttpResponse<String> logout = navigateur.envoyer(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/logout"))
                .header("X-XSRF-TOKEN", navigateur.cookies.get("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(logout.statusCode()).isIn(200, 204);
        assertThat(navigateur.envoyer(HttpRequest.newBuilder(uri("/api/agents/moi")).GET()).statusCode()).isEqualTo(401);
    }

    private URI uri(String chemin) {
        return URI.create("http://127.0.0.1:" + port + chemin);
    }
}
