package fr.gouv.fabriques.securite;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/** Refusals written before any controller runs: RFC 9457 problem+json, in French, as the API's others. */
public final class Refus {

    /** Spring's mix-in: extra properties at the top level, no null members (as the controllers' problems). */
    private static final ObjectMapper JSON = new ObjectMapper().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);

    private Refus() {
    }

    public static void probleme(HttpServletResponse reponse, HttpStatus statut, String titre, String detail) throws IOException {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(statut, detail);
        p.setTitle(titre);
        p.setType(URI.create("https://fabriques.gouv.fr/problemes/" + statut.value()));
        reponse.setStatus(statut.value());
        reponse.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        reponse.setCharacterEncoding(StandardCharsets.UTF_8.name());
        reponse.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        JSON.writeValue(reponse.getOutputStream(), p);
    }

    /** 429 with {@code Retry-After} in whole seconds (at least 1). */
    public static void tropDeRequetes(HttpServletResponse reponse, Duration attente, String detail) throws IOException {
        long secondes = secondes(attente);
        reponse.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(secondes));
        probleme(reponse, HttpStatus.TOO_MANY_REQUESTS, "Trop de requêtes",
                detail + " Réessayez dans " + duree(secondes) + ".");
    }

    public static long secondes(Duration attente) {
        return Math.max(1, (attente.toMillis() + 999) / 1000);
    }

    /** « 42 secondes », « 3 minutes », in French. */
    static String duree(long secondes) {
        if (secondes < 120) {
            return secondes + (secondes > 1 ? " secondes" : " seconde");
        }
        long minutes = (secondes + 59) / 60;
        return minutes + " minutes";
    }
}
