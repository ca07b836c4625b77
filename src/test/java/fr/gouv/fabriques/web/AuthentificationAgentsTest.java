package fr.gouv.fabriques.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gouv.fabriques.application.port.AnnuaireAgents;
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
    };
    private final AuthentificationAgents intercepteur = new AuthentificationAgents(annuaire, new ObjectMapper());

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
            MockHttpSession session = new MockHttpSession();
            session.setAttribute(SESSION, "instructeur");
            r.setSession(session);
            MockHttpServletResponse reponse = appeler(r, "pourInstructeurs");
            assertThat(reponse.getStatus()).as(methode).isEqualTo(401);
            assertThat(reponse.getContentAsString(StandardCharsets.UTF_8)).contains("HTTP Basic");
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

    @Test
    void leCheminDesPagesSEntendApresLeContexte() {
        MockHttpServletRequest r = new MockHttpServletRequest("GET", "/fabriques/agents/dossiers/X");
        r.setContextPath("/fabriques");
        assertThat(AuthentificationAgents.page(r)).isTrue();
        assertThat(AuthentificationAgents.page(new MockHttpServletRequest("GET", "/api/agents/dossiers/X"))).isFalse();
    }
}
