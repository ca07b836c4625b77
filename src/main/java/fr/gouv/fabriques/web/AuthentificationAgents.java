package fr.gouv.fabriques.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gouv.fabriques.application.port.AnnuaireAgents;
import fr.gouv.fabriques.application.port.AnnuaireAgents.Agent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Guards {@code /api/agents/**} (API.md: « Programme API under /api with HTTP Basic for
 * agents ») and the agents' pages {@code /agents/**}: the caller is a Camunda user, by HTTP
 * Basic, or by the login he already has in the Camunda webapps of the same browser (same HTTP
 * session: the session cookie's path is « / », so Tasklist's cookie also reaches /api and
 * /agents). Then his groups must be among the endpoint's {@link GroupesAutorises}. A page is
 * refused with a short French page (sign in to Tasklist first), the API with problem+json.
 *
 * <p>The Tasklist login is accepted for reading only (GET, HEAD): the session cookie goes
 * with any request the browser sends, and the webapps' CSRF token does not guard /api, so a
 * request that changes something must carry its own credentials.
 */
@Component
class AuthentificationAgents implements HandlerInterceptor {

    /** Request attribute holding the {@link Agent} once authenticated (read by {@link AgentCourantResolver}). */
    static final String ATTRIBUT_AGENT = AuthentificationAgents.class.getName() + ".agent";
    static final String DEFI = "Basic realm=\"fabriques\"";
    private static final String SCHEMA_BASIC = "Basic ";
    private static final String PREFIXE_PAGES = "/agents/";
    private static final Logger LOG = LoggerFactory.getLogger(AuthentificationAgents.class);

    private final AnnuaireAgents annuaire;
    private final ObjectMapper json;

    AuthentificationAgents(AnnuaireAgents annuaire, ObjectMapper json) {
        this.annuaire = annuaire;
        this.json = json;
    }

    @Override
    public boolean preHandle(HttpServletRequest requete, HttpServletResponse reponse, Object handler) throws IOException {
        String entete = requete.getHeader(HttpHeaders.AUTHORIZATION);
        Optional<Agent> agent;
        if (entete != null) {
            if (!entete.regionMatches(true, 0, SCHEMA_BASIC, 0, SCHEMA_BASIC.length())) {
                return refuser(requete, reponse, HttpStatus.UNAUTHORIZED, "Authentification requise",
                        "Les agents s'identifient en HTTP Basic (identifiant et mot de passe Camunda) ; "
                                + "le jeton d'accès d'un porteur n'ouvre pas l'API des agents.");
            }
            agent = basic(entete.substring(SCHEMA_BASIC.length()).strip());
            if (agent.isEmpty()) {
                return refuser(requete, reponse, HttpStatus.UNAUTHORIZED, "Identifiants refusés",
                        "Identifiant ou mot de passe incorrect, ou compte verrouillé après plusieurs échecs "
                                + "(un administrateur peut le débloquer).");
            }
        } else {
            HttpSession session = requete.getSession(false);
            agent = session == null ? Optional.empty() : annuaire.agentDeSession(session::getAttribute);
            if (agent.isEmpty()) {
                return refuser(requete, reponse, HttpStatus.UNAUTHORIZED, "Authentification requise",
                        "Identifiez-vous en HTTP Basic avec votre compte Camunda, ou connectez-vous d'abord à Tasklist dans ce navigateur.");
            }
            if (!lecture(requete)) {
                return refuser(requete, reponse, HttpStatus.UNAUTHORIZED, "Authentification requise",
                        "La connexion Tasklist suffit pour consulter ; pour " + requete.getMethod()
                                + ", présentez vos identifiants en HTTP Basic.");
            }
        }
        requete.setAttribute(ATTRIBUT_AGENT, agent.get());
        if (handler instanceof HandlerMethod methode) {
            GroupesAutorises autorises = Optional.ofNullable(methode.getMethodAnnotation(GroupesAutorises.class))
                    .orElseGet(() -> methode.getBeanType().getAnnotation(GroupesAutorises.class));
            if (autorises == null) {
                LOG.error("{} est sous /api/agents ou /agents sans @GroupesAutorises : refusé à tous", methode);
                return refuser(requete, reponse, HttpStatus.FORBIDDEN, "Accès refusé", "Cette opération n'est ouverte à aucun groupe.");
            }
            if (!agent.get().appartientAUnDe(Arrays.asList(autorises.value()))) {
                return refuser(requete, reponse, HttpStatus.FORBIDDEN, "Accès refusé",
                        "Opération réservée aux groupes " + String.join(", ", autorises.value()) + " ; "
                                + agent.get().id() + " appartient à : "
                                + (agent.get().groupes().isEmpty() ? "aucun groupe" : String.join(", ", new TreeSet<>(agent.get().groupes())))
                                + ".");
            }
        }
        return true;
    }

    private Optional<Agent> basic(String encode) {
        String decode;
        try {
            decode = new String(Base64.getDecoder().decode(encode), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int deuxPoints = decode.indexOf(':');
        if (deuxPoints <= 0) {
            return Optional.empty();
        }
        return annuaire.authentifier(decode.substring(0, deuxPoints), decode.substring(deuxPoints + 1));
    }

    private static boolean lecture(HttpServletRequest requete) {
        return "GET".equals(requete.getMethod()) || "HEAD".equals(requete.getMethod());
    }

    /** A page of {@code /agents/**} (for browsers): refused with a French page, not a problem+json. */
    static boolean page(HttpServletRequest requete) {
        return requete.getRequestURI().startsWith(requete.getContextPath() + PREFIXE_PAGES);
    }

    private boolean refuser(HttpServletRequest requete, HttpServletResponse reponse, HttpStatus statut, String titre, String detail)
            throws IOException {
        if (statut == HttpStatus.UNAUTHORIZED) {
            reponse.setHeader(HttpHeaders.WWW_AUTHENTICATE, DEFI);
        }
        if (page(requete)) {
            // Without credentials, the API's advice (Basic, or Tasklist first) becomes the page's own.
            PageHtml.ecrire(reponse, statut, statut == HttpStatus.UNAUTHORIZED
                    ? PageHtml.connexionRequise(requete.getContextPath(), requete.getHeader(HttpHeaders.AUTHORIZATION) == null ? null : detail)
                    : PageHtml.message(titre, PageHtml.echapper(detail)));
            return false;
        }
        ResponseEntity<ProblemDetail> probleme = Problemes.reponse(statut, titre, detail);
        reponse.setStatus(statut.value());
        reponse.setContentType("application/problem+json");
        reponse.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(reponse.getOutputStream(), probleme.getBody());
        return false;
    }
}
