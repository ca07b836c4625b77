package fr.gouv.fabriques.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gouv.fabriques.application.port.AnnuaireAgents;
import fr.gouv.fabriques.securite.Limites;
import fr.gouv.fabriques.securite.LimitesProperties;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.method.HandlerMethod;

/** The rules of {@link AuthentificationAgents}, with an in-memory directory. */
class AuthentificationAgentsTest {

    private static final String SESSION = "connexion-webapps";

    /** instructeur/demo in instructeurs; the Tasklist login is the session attribute SESSION naming the user. */
    private final List<String> tentatives = new ArrayList<>();
    private final AnnuaireAgents annuaire = new AnnuaireAgents() {
        @Override
        public Optional<Agent> authentifier(String identifiant, String motDePasse) {
            tentatives.add(identifiant + ":" + motDePasse);
            return identifiant.equals("instructeur") && motDePasse.equals("de:mo") ? Optional.of(instructeur()) : Optional.empty();
        }

        @Override
        public Optional<Agent> agentDeSession(Function<String, Object> attributSession) {
            return "instructeur".equals(attributSession.apply(SESSION)) ? Optional.of(instructeur()) : Optional.empty();
        }

        @Override
        public Optional<String> jetonAntiFalsification(Function<String, Object> attributSession) {
            return Optional.ofNullable((String) attributSession.apply(JETON));
        }
    };
    private static final String JETON = "jeton-csrf";
    /** 3 failed logins per address per 15 minutes. */
    private final Limites limites = new Limites(new LimitesProperties(null, null, new LimitesProperties.Limite(3, Duration.ofMinutes(15)), 100));
    private final AuthentificationAgents intercepteur = new AuthentificationAgents(annuaire, new ObjectMapper(), limites);

    private static AnnuaireAgents.Agent instructeur() {
        return new AnnuaireAgents.Agent("instructeur", Set.of("instructeurs"));
    }

    static class Points {
        @GroupesAutorises("instructeurs")
        void pourInstructeurs() {
        }

        @GroupesAutorises({"comite-selection", "gestionnaires"})
        void pourLeComite() {
        }

        void sansAnnotation() {
        }
    }

    private static HandlerMethod point(String nom) throws NoSuchMethodException {
        return new HandlerMethod(new Points(), Points.class.getDeclaredMethod(nom));
    }

    private static String basic(String texte) {
        return "Basic " + Base64.getEncoder().encodeToString(texte.getBytes(StandardCharsets.UTF_8));
    }

    private MockHttpServletResponse appeler(MockHttpServletRequest requete, String point) throws Exception {
        MockHttpServletResponse reponse = new MockHttpServletResponse();
        boolean continuer = intercepteur.preHandle(requete, reponse, point(point));
        assertThat(continuer).isEqualTo(reponse.getStatus() == 200);
        return reponse;
    }

    private static MockHttpServletRequest requete(String methode, String authorization) {
        MockHttpServletRequest r = new MockHttpServletRequest(methode, "/api/agents/x");
        if (authorization != null) {
            r.addHeader("Authorization", authorization);
        }
        return r;
    }

    @Test
    void basicValideDansLeBonGroupe() throws Exception {
        MockHttpServletRequest r = requete("GET", basic("instructeur:de:mo"));
        assertThat(appeler(r, "pourInstructeurs").getStatus()).isEqualTo(200);
        assertThat(r.getAttribute(AuthentificationAgents.ATTRIBUT_AGENT)).isEqualTo(instructeur());
        assertThat(tentatives).as("le mot de passe peut contenir « : »").containsExactly("instructeur:de:mo");
        assertThat(r.getSession(false)).as("aucune session créée").isNull();
    }

    @Test
    void sansIdentifiantsOuMalFormes401() throws Exception {
        for (String entete : new String[] {null, "Basic", "Basic %%%", basic("sans-deux-points"), basic(":de:mo"), "Bearer abc",
            "Digest username=instructeur"}) {
            // A malformed Basic header counts as a failed login: start each one afresh (3 per address here).
            limites.reinitialiser();
            MockHttpServletResponse reponse = appeler(requete("GET", entete), "pourInstructeurs");
            assertThat(reponse.getStatus()).as(entete).isEqualTo(401);
            assertThat(reponse.getHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"fabriques\"");
            assertThat(reponse.getContentType()).startsWith("application/problem+json");
            assertThat(reponse.getContentAsString(StandardCharsets.UTF_8)).contains("\"status\":401");
        }
        assertThat(tentatives).isEmpty();
        assertThat(appeler(requete("GET", basic("instructeur:faux")), "pourInstructeurs").getStatus()).isEqualTo(401);
    }

    @Test
    void groupeNonAutorise403() throws Exception {
        MockHttpServletResponse reponse = appeler(requete("GET", basic("instructeur:de:mo")), "pourLeComite");
        assertThat(reponse.getStatus()).isEqualTo(403);
        assertThat(reponse.getHeader("WWW-Authenticate")).isNull();
        assertThat(reponse.getContentAsString(StandardCharsets.UTF_8)).contains("comite-selection, gestionnaires").contains("instructeurs");
    }

    @Test
    void unPointSansGroupesDeclaresEstFermeATous() throws Exception {
        assertThat(appeler(requete("GET", basic("instructeur:de:mo")), "sansAnnotation").getStatus()).isEqualTo(403);
    }

    @Test
    void laConnexionTasklistOuvreLaLectureSeulement() throws Exception {
        for (String methode : new String[] {"GET", "HEAD"}) {
            MockHttpServletRequest r = requete(methode, null);
            MockHttpSession session = new MockHttpSession();
            session.setAttribute(SESSION, "instructeur");
            r.setSession(session);
            assertThat(appeler(r, "pourInstructeurs").getStatus()).as(methode).isEqualTo(200);
        }
        for (String methode : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
            MockHttpServletRequest r = requete(methode, null);
            r.setSession(sessionTasklist());
            MockHttpServletResponse reponse = appeler(r, "pourInstructeurs");
            assertThat(reponse.getStatus()).as(methode).isEqualTo(403);
            assertThat(reponse.getContentType()).startsWith("application/problem+json");
            assertThat(reponse.getContentAsString(StandardCharsets.UTF_8)).contains("X-XSRF-TOKEN").contains("HTTP Basic");
        }
        MockHttpServletRequest anonyme = requete("GET", null);
        anonyme.setSession(new MockHttpSession());
        assertThat(appeler(anonyme, "pourInstructeurs").getStatus()).isEqualTo(401);
    }

    @Test
    void desIdentifiantsPresentesPriment() throws Exception {
        // A wrong Basic header is refused even if the browser also has a Tasklist session.
        MockHttpServletRequest r = requete("GET", basic("instructeur:faux"));
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(SESSION, "instructeur");
        r.setSession(session);
        assertThat(appeler(r, "pourInstructeurs").getStatus()).isEqualTo(401);
    }

    @Test
    void unePageDesAgentsEstRefuseeParUnePageEnFrancais() throws Exception {
        MockHttpServletResponse sans = appeler(new MockHttpServletRequest("GET", "/agents/dossiers/FDT-2026-0001"), "pourInstructeurs");
        assertThat(sans.getStatus()).isEqualTo(401);
        assertThat(sans.getHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"fabriques\"");
        assertThat(sans.getContentType()).startsWith("text/html");
        assertThat(sans.getHeader("Content-Security-Policy")).startsWith("default-src 'none'");
        assertThat(sans.getContentAsString(StandardCharsets.UTF_8)).contains("<html lang=\"fr\">")
                .contains("Connectez-vous d'abord à <a href=\"/camunda/app/tasklist/\">Tasklist</a>")
                .doesNotContain("\"status\"");

        MockHttpServletRequest faux = new MockHttpServletRequest("GET", "/agents/dossiers/FDT-2026-0001");
        faux.addHeader("Authorization", basic("instructeur:faux"));
        MockHttpServletResponse refuse = appeler(faux, "pourInstructeurs");
        assertThat(refuse.getStatus()).isEqualTo(401);
        assertThat(refuse.getContentAsString(StandardCharsets.UTF_8)).contains("Identifiant ou mot de passe incorrect").contains("Tasklist");

        MockHttpServletRequest autreGroupe = new MockHttpServletRequest("GET", "/agents/dossiers/FDT-2026-0001");
        autreGroupe.addHeader("Authorization", basic("instructeur:de:mo"));
        MockHttpServletResponse interdit = appeler(autreGroupe, "pourLeComite");
        assertThat(interdit.getStatus()).isEqualTo(403);
        assertThat(interdit.getContentType()).startsWith("text/html");
        assertThat(interdit.getContentAsString(StandardCharsets.UTF_8)).contains("<h1>Accès refusé</h1>")
                .contains("comite-selection, gestionnaires");

        MockHttpServletRequest connecte = new MockHttpServletRequest("GET", "/agents/dossiers/FDT-2026-0001");
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(SESSION, "instructeur");
        connecte.setSession(session);
        assertThat(appeler(connecte, "pourInstructeurs").getStatus()).isEqualTo(200);
    }

    private static MockHttpSession sessionTasklist() {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(SESSION, "instructeur");
        session.setAttribute(JETON, "le-bon-jeton");
        return session;
    }

    @Test
    void avecLaSessionUneModificationPorteLeJetonOuVientDeLApplication() throws Exception {
        MockHttpServletRequest avecJeton = requete("POST", null);
        avecJeton.setSession(sessionTasklist());
        avecJeton.addHeader("X-XSRF-TOKEN", "le-bon-jeton");
        assertThat(appeler(avecJeton, "pourInstructeurs").getStatus()).isEqualTo(200);

        MockHttpServletRequest mauvaisJeton = requete("PUT", null);
        mauvaisJeton.setSession(sessionTasklist());
        mauvaisJeton.addHeader("X-XSRF-TOKEN", "un-autre-jeton");
        assertThat(appeler(mauvaisJeton, "pourInstructeurs").getStatus()).isEqualTo(403);

        MockHttpServletRequest memeOrigine = requete("DELETE", null);
        memeOrigine.setSession(sessionTasklist());
        memeOrigine.addHeader("Origin", "http://localhost");
        assertThat(appeler(memeOrigine, "pourInstructeurs").getStatus()).isEqualTo(200);
    }

    @Test
    void uneModificationDUnAutreSiteEstRefusee403() throws Exception {
        // The session cookie goes with the forged request; even the right token (it cannot have it) would not help.
        MockHttpServletRequest avecSession = requete("POST", null);
        avecSession.setSession(sessionTasklist());
        avecSession.addHeader("Origin", "https://site-malveillant.example");
        avecSession.addHeader("X-XSRF-TOKEN", "le-bon-jeton");
        MockHttpServletResponse refus = appeler(avecSession, "pourInstructeurs");
        assertThat(refus.getStatus()).isEqualTo(403);
        assertThat(refus.getContentType()).startsWith("application/problem+json");
        assertThat(refus.getContentAsString(StandardCharsets.UTF_8)).contains("Requête d'un autre site refusée")
                .contains("https://site-malveillant.example");

        // A browser that says so without Origin, an origin on another port, the « null » origin.
        for (String[] entete : new String[][] {{"Sec-Fetch-Site", "cross-site"}, {"Origin", "http://localhost:8081"}, {"Origin", "null"}}) {
            MockHttpServletRequest r = requete("PATCH", basic("instructeur:de:mo"));
            r.addHeader(entete[0], entete[1]);
            assertThat(appeler(r, "pourInstructeurs").getStatus()).as(entete[0] + ": " + entete[1]).isEqualTo(403);
        }
        // Basic from a tool: no Origin, accepted; from this server's page: accepted.
        assertThat(appeler(requete("POST", basic("instructeur:de:mo")), "pourInstructeurs").getStatus()).isEqualTo(200);
        MockHttpServletRequest memeSite = requete("POST", basic("instructeur:de:mo"));
        memeSite.addHeader("Origin", "http://localhost:80");
        memeSite.addHeader("Sec-Fetch-Site", "same-origin");
        assertThat(appeler(memeSite, "pourInstructeurs").getStatus()).isEqualTo(200);
        // Reading is not concerned (a link followed from another site).
        MockHttpServletRequest lecture = requete("GET", null);
        lecture.setSession(sessionTasklist());
        lecture.addHeader("Sec-Fetch-Site", "cross-site");
        assertThat(appeler(lecture, "pourInstructeurs").getStatus()).isEqualTo(200);
    }

    @Test
    void pasDeDefiBasicPourUnNavigateur() throws Exception {
        MockHttpServletRequest page = requete("GET", null);
        page.addHeader("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        MockHttpServletResponse reponse = appeler(page, "pourInstructeurs");
        assertThat(reponse.getStatus()).isEqualTo(401);
        assertThat(reponse.getHeader("WWW-Authenticate")).isNull();
        assertThat(reponse.getContentType()).startsWith("text/html");
        assertThat(reponse.getContentAsString(StandardCharsets.UTF_8)).contains("Connexion requise");

        MockHttpServletRequest script = requete("GET", basic("instructeur:faux"));
        script.addHeader("Accept", "application/json, text/plain, */*");
        script.addHeader("Sec-Fetch-Mode", "cors");
        MockHttpServletResponse refus = appeler(script, "pourInstructeurs");
        assertThat(refus.getStatus()).isEqualTo(401);
        assertThat(refus.getHeader("WWW-Authenticate")).isNull();
        assertThat(refus.getContentType()).startsWith("application/problem+json");

        MockHttpServletRequest pageAgents = new MockHttpServletRequest("GET", "/agents/dossiers/FDT-2026-0001");
        pageAgents.addHeader("Accept", "text/html");
        assertThat(appeler(pageAgents, "pourInstructeurs").getHeader("WWW-Authenticate")).isNull();
    }

    @Test
    void apresTropDEchecsLAdresseAttendSansQueLeMotDePasseSoitEssaye() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(appeler(requete("GET", basic("instructeur:faux" + i)), "pourInstructeurs").getStatus()).isEqualTo(401);
        }
        tentatives.clear();
        MockHttpServletResponse reponse = appeler(requete("GET", basic("instructeur:de:mo")), "pourInstructeurs");
        assertThat(reponse.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(reponse.getHeader("Retry-After"))).isBetween(1L, 300L);
        assertThat(reponse.getContentType()).startsWith("application/problem+json");
        assertThat(reponse.getContentAsString(StandardCharsets.UTF_8)).contains("Trop d'échecs de connexion");
        assertThat(tentatives).as("le mot de passe n'est pas essayé").isEmpty();
        // Another address is not concerned; the session login is not a password attempt.
        MockHttpServletRequest ailleurs = requete("GET", basic("instructeur:de:mo"));
        ailleurs.setRemoteAddr("192.0.2.7");
        assertThat(appeler(ailleurs, "pourInstructeurs").getStatus()).isEqualTo(200);
        MockHttpServletRequest session = requete("GET", null);
        session.setSession(sessionTasklist());
        assertThat(appeler(session, "pourInstructeurs").getStatus()).isEqualTo(200);
    }

    @Test
    void leCheminDesPagesSEntendApresLeContexte() {
        MockHttpServletRequest r = new MockHttpServletRequest("GET", "/fabriques/agents/dossiers/X");
        r.setContextPath("/fabriques");
        assertThat(AuthentificationAgents.page(r)).isTrue();
        assertThat(AuthentificationAgents.page(new MockHttpServletRequest("GET", "/api/agents/dossiers/X"))).isFalse();
    }
}
