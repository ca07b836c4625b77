package fr.gouv.fabriques.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The last word on a database outage, for whatever no exception handler turned into an answer: the
 * engine's authentication filter of {@code /engine-rest} (it reads the accounts in the database), the
 * engine's exceptions that reach a controller, the webapps. A 503 problem+json in French instead of
 * Boot's 500 with the driver's message.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class FiltreBaseDeDonneesInjoignable extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(FiltreBaseDeDonneesInjoignable.class);

    private final ObjectMapper json;

    FiltreBaseDeDonneesInjoignable(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest requete, HttpServletResponse reponse, FilterChain chaine)
            throws ServletException, IOException {
        try {
            chaine.doFilter(requete, reponse);
        } catch (ServletException | RuntimeException e) {
            if (!BaseDeDonneesInjoignable.estEnCause(e) || reponse.isCommitted()) {
                throw e;
            }
            LOG.warn("{} {} : base de données injoignable, réponse 503 ({})", requete.getMethod(), requete.getRequestURI(), e.toString());
            ResponseEntity<ProblemDetail> probleme = BaseDeDonneesInjoignable.reponse();
            reponse.reset();
            reponse.setStatus(probleme.getStatusCode().value());
            reponse.setCharacterEncoding("UTF-8");
            reponse.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            reponse.setHeader(HttpHeaders.RETRY_AFTER, BaseDeDonneesInjoignable.REESSAYER_APRES_SECONDES);
            json.writeValue(reponse.getOutputStream(), probleme.getBody());
        }
    }
}
