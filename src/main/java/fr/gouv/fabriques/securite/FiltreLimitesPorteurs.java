package fr.gouv.fabriques.securite;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The applicants' API is open to anyone (a deposit needs no account, a sending only the token
 * of a dossier): each client address may deposit and send only so many times (fabriques.limites),
 * then gets 429 with {@code Retry-After}, before the body (up to 60 MB) is even read.
 */
class FiltreLimitesPorteurs extends OncePerRequestFilter {

    static final String CHEMIN_DOSSIERS = "/api/dossiers";

    private final Limites limites;

    FiltreLimitesPorteurs(Limites limites) {
        this.limites = limites;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest requete) {
        return !"POST".equals(requete.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest requete, HttpServletResponse reponse, FilterChain chaine)
            throws ServletException, IOException {
        String chemin = requete.getRequestURI().substring(requete.getContextPath().length());
        boolean depot = chemin.equals(CHEMIN_DOSSIERS) || chemin.equals(CHEMIN_DOSSIERS + "/");
        Limiteur limiteur = depot ? limites.depots() : limites.envois();
        Optional<Duration> attente = limiteur.consommer(ClientHttp.adresse(requete));
        if (attente.isPresent()) {
            Refus.tropDeRequetes(reponse, attente.get(), (depot ? "Trop de dépôts de dossier" : "Trop d'envois (pièces, convention signée, bilans, compléments)")
                    + " depuis votre adresse : au plus " + limiteur.limite().capacite() + " par " + periode(limiteur.limite().periode()) + ".");
            return;
        }
        chaine.doFilter(requete, reponse);
    }

    /** « heure », « 15 minutes », « jour »… */
    static String periode(Duration periode) {
        if (periode.equals(Duration.ofHours(1))) {
            return "heure";
        }
        if (periode.equals(Duration.ofDays(1))) {
            return "jour";
        }
        if (periode.toSeconds() % 3600 == 0) {
            return "période de " + periode.toHours() + " heures";
        }
        if (periode.toSeconds() % 60 == 0) {
            return periode.toMinutes() == 1 ? "minute" : "période de " + periode.toMinutes() + " minutes";
        }
        return "période de " + periode.toSeconds() + " secondes";
    }
}
