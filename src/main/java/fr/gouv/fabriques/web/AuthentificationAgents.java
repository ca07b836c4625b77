package fr.gouv.fabriques.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gouv.fabriques.application.port.AnnuaireAgents;
import fr.gouv.fabriques.application.port.AnnuaireAgents.Agent;
import fr.gouv.fabriques.securite.ClientHttp;
import fr.gouv.fabriques.securite.Limites;
import fr.gouv.fabriques.securite.Refus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
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
 * Guards {@code /api/agents/**} (the API contract (OpenAPI, README): « Programme API under /api with HTTP Basic for
 * agents ») and the agents' pages {@code /agents/**}: the caller is a Camunda user, by HTTP
 * Basic, or by the login he already has in the Camunda webapps of the same browser (same HTTP
 * session: the session cookie's path is « / », so Tasklist's cookie also reaches /api and
 * /agents). Then his groups must be among the endpoint's {@link GroupesAutorises}. A page is
 * refused with a short French page (sign in to Tasklist first), the API with problem+json.
 *
 * <p>Browser-facing rules (README « Sécurité côté navigateur »):
 * <ul>
 * <li>a 401 carries the {@code WWW-Authenticate: Basic} challenge only for tools (curl, scripts):
 * a browser ({@link ClientHttp#navigateur}) would open its native login dialog; a browser asking
 * for HTML gets the French page instead;</li>
 * <li>a request that changes something (POST, PUT, PATCH, DELETE) from another site (its
 * {@code Origin} or {@code Sec-Fetch-Site}) is refused 403, whatever its credentials; with the
 * Tasklist session only, it must also carry the webapps' anti-forgery token
 * ({@code X-XSRF-TOKEN}) or come from a page of this server ({@code Origin}), since the browser
 * sends the session cookie with any request;</li>
 * <li>a client address with too many failed Basic logins gets 429 ({@code fabriques.limites.connexions})
 * before its credentials are checked.</li>
 * </ul>
 */
@Component
class AuthentificationAgents implements HandlerInterceptor {

    /** Request attribute holding the {@link Agent} once authenticated (read by {@link AgentCourantResolver}). */
    static final String ATTRIBUT_AGENT = AuthentificationAgents.class.getName() + ".agent";
    static final String DEFI = "Basic realm=\"fabriques\"";
    /** The header in which the Camunda webapps' scripts send their anti-forgery token. */
    static final String ENTETE_JETON = "X-XSRF-TOKEN";
    private static final String SCHEMA_BASIC = "Basic ";
    private static final String PREFIXE_PAGES = "/agents/";
    private static final Logger LOG = LoggerFactory.getLogger(AuthentificationAgents.class);

    private final AnnuaireAgents annuaire;
    private final ObjectMapper json;
    private final Limites limites;

    AuthentificationAgents(AnnuaireAgents annuaire, ObjectMapper json, Limites limites) {
        this.annuaire = annuaire;
        this.json = json;
        this.limites = limites;
    }

    @Override
    public boolean preHandle(HttpServletRequest requete, HttpServletResponse reponse, Object handler) throws IOException {
        String entete = requete.getHeader(HttpHeaders.AUTHORIZATION);
        boolean modification = !lecture(requete);
        if (modification && ClientHttp.autreSite(requete)) {
            return refuser(requete, reponse, HttpStatus.FORBIDDEN, "Requête d'un autre site refusée",
                    "Une modification par l'API des agents doit venir de l'application elle-même ou d'un outil (curl, script) ; "
                            + "cette requête vient d'un autre site (" + Optional.ofNullable(requete.getHeader(HttpHeaders.ORIGIN))
                                    .map(o -> "origine " + o).orElse("Sec-Fetch-Site : " + requete.getHeader("Sec-Fetch-Site"))
                            + ").");
        }
        Optional<Agent> agent;
        if (entete != null) {
            if (!entete.regionMatches(true, 0, SCHEMA_BASIC, 0, SCHEMA_BASIC.length())) {
                return refuser(requete, reponse, HttpStatus.UNAUTHORIZED, "Authentification requise",
                        "Les agents s'identifient en HTTP Basic (identifiant et mot de passe Camunda) ; "
                                + "le jeton d'accès d'un porteur n'ouvre pas l'API des agents.");
            }
            String adresse = ClientHttp.adresse(requete);
            Optional<Duration> attente = limites.attenteConnexion(adresse);
            if (attente.isPresent()) {
                Refus.tropDeRequetes(reponse, attente.get(), "Trop d'échecs de connexion depuis votre adresse.");
                return false;
            }
            agent = basic(entete.substring(SCHEMA_BASIC.length()).strip());
            if (agent.isEmpty()) {
                limites.echecConnexion(adresse);
                return refuser(requete, reponse, HttpStatus.UNAUTHORIZED, "Identifiants refusés",
                        "Identifiant ou mot de passe incorrect, ou connexion retardée de quelques secondes (30 au plus) "
                                + "après un échec sur ce compte.");
            }
        } else {
            HttpSession session = requete.getSession(false);
            agent = session == null ? Optional.empty() : annuaire.agentDeSession(session::getAttribute);
            if (agent.isEmpty()) {
                return refuser(requete, reponse, HttpStatus.UNAUTHORIZED, "Authentification requise",
                        "Identifiez-vous en HTTP Basic avec votre compte Camunda, ou connectez-vous d'abord à Tasklist dans ce navigateur.");
            }
            if (modification && !jetonPresente(requete, session) && !ClientHttp.origineIdentique(requete)) {
                return refuser(requete, reponse, HttpStatus.FORBIDDEN, "Jeton anti-falsification manquant",
                        "Avec la seule connexion Tasklist, " + requete.getMethod() + " doit porter l'en-tête " + ENTETE_JETON
                                + " (la valeur du cookie XSRF-TOKEN des applications Camunda) ou venir d'une page de l'application "
                                + "(en-tête Origin) ; sinon, présentez vos identifiants en HTTP Basic.");
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

    /** The webapps' anti-forgery token of this session, presented in {@link #ENTETE_JETON} (compared in constant time). */
    private boolean jetonPresente(HttpServletRequest requete, HttpSession session) {
        String presente = requete.getHeader(ENTETE_JETON);
        return presente != null && annuaire.jetonAntiFalsification(session::getAttribute)
                .map(attendu -> MessageDigest.isEqual(attendu.getBytes(StandardCharsets.UTF_8), presente.getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    }

    private Optional<Agent> basic(String encode) {
        return basic(annuaire, encode);
    }

    /** The agent whose HTTP Basic credentials (the part after « Basic ») these are; empty if malformed or wrong. */
    static Optional<Agent> basic(AnnuaireAgents annuaire, String encode) {
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
        if (statut == HttpStatus.UNAUTHORIZED && !ClientHttp.navigateur(requete)) {
            reponse.setHeader(HttpHeaders.WWW_AUTHENTICATE, DEFI);
        }
        if (page(requete) || ClientHttp.demandeHtml(requete)) {
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
