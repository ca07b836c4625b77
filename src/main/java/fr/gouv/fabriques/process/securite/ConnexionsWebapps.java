package fr.gouv.fabriques.process.securite;

import fr.gouv.fabriques.securite.ClientHttp;
import fr.gouv.fabriques.securite.Limites;
import fr.gouv.fabriques.securite.Refus;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The login form of Tasklist, Cockpit and Admin ({@code POST …/api/admin/auth/user/{engine}/login/{app}}):
 * a client address with too many failed logins gets 429 and {@code Retry-After} before its
 * password is checked; each 401 of the webapps (wrong id or password) counts as a failure.
 */
class ConnexionsWebapps extends OncePerRequestFilter {

    private final Limites limites;

    ConnexionsWebapps(Limites limites) {
        this.limites = limites;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest requete) {
        return !"POST".equals(requete.getMethod()) || !requete.getRequestURI().contains("/login/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest requete, HttpServletResponse reponse, FilterChain chaine)
            throws ServletException, IOException {
        String adresse = ClientHttp.adresse(requete);
        Optional<Duration> attente = limites.attenteConnexion(adresse);
        if (attente.isPresent()) {
            Refus.tropDeRequetes(reponse, attente.get(), "Trop d'échecs de connexion depuis votre adresse.");
            return;
        }
        chaine.doFilter(requete, reponse);
        if (reponse.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            limites.echecConnexion(adresse);
        }
    }
}
