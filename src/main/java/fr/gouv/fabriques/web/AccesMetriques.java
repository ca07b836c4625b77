package fr.gouv.fabriques.web;

import fr.gouv.fabriques.application.port.AnnuaireAgents;
import fr.gouv.fabriques.application.port.AnnuaireAgents.Agent;
import fr.gouv.fabriques.securite.ClientHttp;
import fr.gouv.fabriques.securite.Limites;
import fr.gouv.fabriques.securite.Refus;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the metrics ({@code /actuator/prometheus}, README « Métriques ») and the rest of the actuator but its probes: they tell how the programme
 * and the service are doing, so neither the public nor every agent reads them. HTTP Basic only (a
 * collector is a tool: no webapp session), a member of {@code exploitation} (the collector's account)
 * or {@code camunda-admin}. The actuator's endpoints are not Spring MVC handlers of the application,
 * so the agents' interceptor does not see them: this filter does, before the endpoint. Failed logins
 * count against the client address like the other Basic logins ({@code fabriques.limites.connexions}).
 */
class AccesMetriques extends OncePerRequestFilter {

    static final List<String> GROUPES = List.of("exploitation", "camunda-admin");
    private static final String SCHEMA_BASIC = "Basic ";

    private final AnnuaireAgents annuaire;
    private final Limites limites;

    AccesMetriques(AnnuaireAgents annuaire, Limites limites) {
        this.annuaire = annuaire;
        this.limites = limites;
    }

    /**
     * The probes stay open to the orchestrator ({@code /actuator/health…}, {@code /actuator/info}); everything
     * else of the actuator — the metrics, and any endpoint exposed later — is guarded here.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest requete) {
        // The container's decoded and normalised path, not the raw URI: « /actuator/health/../prometheus » is the metrics.
        String chemin = requete.getServletPath() + (requete.getPathInfo() == null ? "" : requete.getPathInfo());
        return chemin.equals("/actuator/health") || chemin.startsWith("/actuator/health/") || chemin.equals("/actuator/info");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest requete, HttpServletResponse reponse, FilterChain suite)
            throws ServletException, IOException {
        String entete = requete.getHeader(HttpHeaders.AUTHORIZATION);
        if (entete == null || !entete.regionMatches(true, 0, SCHEMA_BASIC, 0, SCHEMA_BASIC.length())) {
            nonAuthentifie(reponse, "Les métriques se lisent en HTTP Basic, avec un compte du groupe exploitation (le collecteur "
                    + "Prometheus) ou camunda-admin.");
            return;
        }
        String adresse = ClientHttp.adresse(requete);
        Optional<Duration> attente = limites.attenteConnexion(adresse);
        if (attente.isPresent()) {
            Refus.tropDeRequetes(reponse, attente.get(), "Trop d'échecs de connexion depuis votre adresse.");
            return;
        }
        Optional<Agent> agent = AuthentificationAgents.basic(annuaire, entete.substring(SCHEMA_BASIC.length()).strip());
        if (agent.isEmpty()) {
            limites.echecConnexion(adresse);
            nonAuthentifie(reponse, "Identifiant ou mot de passe incorrect, ou connexion retardée de quelques secondes (30 au plus) "
                    + "après un échec sur ce compte.");
            return;
        }
        if (!agent.get().appartientAUnDe(GROUPES)) {
            Refus.probleme(reponse, HttpStatus.FORBIDDEN, "Accès refusé",
                    "Les métriques sont réservées aux groupes " + String.join(", ", GROUPES) + " ; " + agent.get().id()
                            + " n'en fait pas partie.");
            return;
        }
        suite.doFilter(requete, reponse);
    }

    private static void nonAuthentifie(HttpServletResponse reponse, String detail) throws IOException {
        // The collector is a tool: the Basic challenge is what it expects (no browser dialog to avoid here).
        reponse.setHeader(HttpHeaders.WWW_AUTHENTICATE, AuthentificationAgents.DEFI);
        Refus.probleme(reponse, HttpStatus.UNAUTHORIZED, "Authentification requise", detail);
    }
}
