package fr.gouv.fabriques.process.commun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.UriUtils;

/**
 * A form the server refuses ({@link ErreursFormulairePlugin}) comes back as a 400 whose message
 * Camunda's REST layer prefixes with engine English — « Cannot submit task form {id}: » or
 * « Cannot complete task {id}: » — and Tasklist shows that message as it is. This filter, on
 * {@code /engine-rest} and on the webapps' own copy of that API ({@code /camunda/api/engine}),
 * removes the prefix from the JSON {@code message} of a 400 answer to those two requests only:
 * the agent reads the French refusal alone. Every other request passes untouched (its answer is
 * not even buffered); any other answer to those two is copied as it is.
 *
 * <p>A servlet filter rather than a JAX-RS exception mapper: the webapps' REST application
 * ({@code EngineRestApplication}) takes no extra provider, and one filter serves both paths.
 */
public class MessageRefusSansPrefixe extends OncePerRequestFilter {

    /** …/task/{id}/submit-form and …/task/{id}/complete, whatever the engine path before them. */
    private static final Pattern REQUETE = Pattern.compile(".*/task/([^/]+)/(submit-form|complete)");

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest requete) {
        return !"POST".equals(requete.getMethod()) || !REQUETE.matcher(requete.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest requete, HttpServletResponse reponse, FilterChain chaine)
            throws ServletException, IOException {
        Matcher m = REQUETE.matcher(requete.getRequestURI());
        String tache = m.matches() ? UriUtils.decode(m.group(1), StandardCharsets.UTF_8) : "";
        ContentCachingResponseWrapper enveloppe = new ContentCachingResponseWrapper(reponse);
        try {
            chaine.doFilter(requete, enveloppe);
            if (enveloppe.getStatus() == HttpServletResponse.SC_BAD_REQUEST) {
                byte[] corrige = sansPrefixe(enveloppe.getContentAsByteArray(), tache);
                if (corrige != null) {
                    enveloppe.resetBuffer();
                    enveloppe.getOutputStream().write(corrige);
                }
            }
        } finally {
            enveloppe.copyBodyToResponse();
        }
    }

    /** The body with its message stripped of the engine's prefix; null to leave it as it is. */
    byte[] sansPrefixe(byte[] corps, String tache) {
        JsonNode racine;
        try {
            racine = json.readTree(corps);
        } catch (IOException e) {
            return null;
        }
        if (!(racine instanceof ObjectNode objet) || !objet.path("message").isTextual()) {
            return null;
        }
        String message = objet.get("message").asText();
        for (String prefixe : List.of("Cannot submit task form " + tache + ": ", "Cannot complete task " + tache + ": ")) {
            if (message.startsWith(prefixe)) {
                objet.put("message", message.substring(prefixe.length()));
                try {
                    return json.writeValueAsBytes(objet);
                } catch (IOException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
