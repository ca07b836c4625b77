package fr.gouv.fabriques.process.securite;

import fr.gouv.fabriques.securite.ClientHttp;
import fr.gouv.fabriques.securite.Limites;
import fr.gouv.fabriques.securite.Refus;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Camunda's HTTP Basic filter of {@code /engine-rest}, with three additions:
 * <ul>
 * <li>a client address with too many failed logins gets 429 and {@code Retry-After} before its
 * credentials are checked (fabriques.limites.connexions); each refused credential counts;</li>
 * <li>no {@code WWW-Authenticate: Basic} challenge to a browser ({@link ClientHttp#navigateur}),
 * which would open its native login dialog;</li>
 * <li>the 401 says why, in French (problem+json), instead of an empty body.</li>
 * </ul>
 */
class AuthentificationEngineRest extends ProcessEngineAuthenticationFilter {

    private final Limites limites;
    private final ObjectProvider<ProcessEngine> moteur;
    /** Resolved on the first request (the bean lookup itself costs more than the rest of this method). */
    private volatile ProcessEngine application;

    AuthentificationEngineRest(Limites limites, ObjectProvider<ProcessEngine> moteur) {
        this.limites = limites;
        this.moteur = moteur;
    }

    /**
     * The application's engine, directly: the library looks it up through a {@link java.util.ServiceLoader}, which
     * reads every jar of the class path, on every request (issue 13, doc/performance/cycle-de-vie.md). Another name
     * goes to the library, which answers as before.
     */
    @Override
    protected ProcessEngine getAddressedEngine(String nom) {
        ProcessEngine application = this.application;
        if (application == null) {
            application = moteur.getIfAvailable();
            this.application = application;
        }
        if (application != null && (nom == null || nom.equals(DEFAULT_ENGINE_NAME) || nom.equals(application.getName()))) {
            return application;
        }
        return super.getAddressedEngine(nom);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest requete = (HttpServletRequest) request;
        HttpServletResponse reponse = (HttpServletResponse) response;
        boolean identifiants = requete.getHeader(HttpHeaders.AUTHORIZATION) != null;
        String adresse = ClientHttp.adresse(requete);
        if (identifiants) {
            Optional<Duration> attente = limites.attenteConnexion(adresse);
            if (attente.isPresent()) {
                Refus.tropDeRequetes(reponse, attente.get(), "Trop d'échecs de connexion depuis votre adresse.");
                return;
            }
        }
        boolean[] authentifie = {false};
        HttpServletResponse vue = ClientHttp.navigateur(requete) ? new SansDefiBasic(reponse) : reponse;
        super.doFilter(requete, vue, (req, rep) -> {
            authentifie[0] = true;
            chain.doFilter(req, rep);
        });
        if (!authentifie[0] && reponse.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            if (identifiants) {
                limites.echecConnexion(adresse);
            }
            if (!reponse.isCommitted()) {
                Refus.probleme(reponse, HttpStatus.UNAUTHORIZED, identifiants ? "Identifiants refusés" : "Authentification requise",
                        identifiants
                                ? "Identifiant ou mot de passe incorrect, ou connexion retardée de quelques secondes après un échec."
                                : "Le REST du moteur exige HTTP Basic (identifiant et mot de passe Camunda).");
            }
        }
    }

    /** Drops the Basic challenge: a browser would answer it with its own login dialog. */
    static final class SansDefiBasic extends HttpServletResponseWrapper {

        SansDefiBasic(HttpServletResponse reponse) {
            super(reponse);
        }

        @Override
        public void setHeader(String nom, String valeur) {
            if (!HttpHeaders.WWW_AUTHENTICATE.equalsIgnoreCase(nom)) {
                super.setHeader(nom, valeur);
            }
        }

        @Override
        public void addHeader(String nom, String valeur) {
            if (!HttpHeaders.WWW_AUTHENTICATE.equalsIgnoreCase(nom)) {
                super.addHeader(nom, valeur);
            }
        }
    }
}
