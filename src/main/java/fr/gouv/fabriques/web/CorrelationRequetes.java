package fr.gouv.fabriques.web;

import fr.gouv.fabriques.journal.JournalJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request gets a correlation id in the logs' context and in its response ({@value #ENTETE}): the caller's own
 * if it sends a well-formed one (a proxy or a client that traces), a new one otherwise. The dossier number of the path
 * ({@code /api/dossiers/FDT-2026-0001/…}, {@code /agents/dossiers/…}) goes with it, so that an operator finds every
 * line about one dossier. A value that does not have the expected shape is never copied into the logs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationRequetes extends OncePerRequestFilter {

    static final String ENTETE = "X-Correlation-Id";
    private static final Pattern IDENTIFIANT_ACCEPTE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest requete, HttpServletResponse reponse, FilterChain suite)
            throws ServletException, IOException {
        String recu = requete.getHeader(ENTETE);
        String correlation = recu != null && IDENTIFIANT_ACCEPTE.matcher(recu).matches() ? recu : UUID.randomUUID().toString();
        MDC.put(JournalJson.CORRELATION, correlation);
        String dossier = dossierDuChemin(requete.getRequestURI());
        if (dossier != null) {
            MDC.put(JournalJson.DOSSIER, dossier);
        }
        reponse.setHeader(ENTETE, correlation);
        try {
            suite.doFilter(requete, reponse);
        } finally {
            MDC.remove(JournalJson.CORRELATION);
            MDC.remove(JournalJson.DOSSIER);
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    /** The segment after {@code /dossiers/} when it is a dossier number. */
    static String dossierDuChemin(String chemin) {
        if (chemin == null) {
            return null;
        }
        int i = chemin.indexOf("/dossiers/");
        if (i < 0) {
            return null;
        }
        String reste = chemin.substring(i + "/dossiers/".length());
        int fin = reste.indexOf('/');
        String segment = fin < 0 ? reste : reste.substring(0, fin);
        return JournalJson.estNumeroDossier(segment) ? segment : null;
    }
}
