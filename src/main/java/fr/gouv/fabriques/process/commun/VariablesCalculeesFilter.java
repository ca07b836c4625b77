package fr.gouv.fabriques.process.commun;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Adds the computed variables of {@link ContenusFormulaires} to a successful
 * {@code GET …/task/{id}/form-variables} — from Tasklist (/camunda/api/engine/…) and from
 * /engine-rest alike. Runs around the engine's own authentication and authorization: a
 * caller who may not read the task's variables gets the engine's refusal, untouched.
 * Nothing is stored: the values exist only in this response.
 */
public class VariablesCalculeesFilter extends OncePerRequestFilter {

    private static final Pattern CHEMIN = Pattern.compile("^(?:/camunda/api/engine/engine/[^/]+|/engine-rest)/task/([^/]+)/form-variables/?$");

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(VariablesCalculeesFilter.class);

    private final Supplier<ContenusFormulaires> contenus;
    private final ObjectMapper json = new ObjectMapper();

    public VariablesCalculeesFilter(Supplier<ContenusFormulaires> contenus) {
        this.contenus = contenus;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest requete) {
        return !"GET".equals(requete.getMethod()) || !CHEMIN.matcher(chemin(requete)).matches();
    }

    private static String chemin(HttpServletRequest requete) {
        return requete.getRequestURI().substring(requete.getContextPath().length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest requete, HttpServletResponse reponse, FilterChain chaine)
            throws ServletException, IOException {
        ContentCachingResponseWrapper tampon = new ContentCachingResponseWrapper(reponse);
        chaine.doFilter(requete, tampon);
        if (tampon.getStatus() != 200) {
            tampon.copyBodyToResponse();
            return;
        }
        Matcher m = CHEMIN.matcher(chemin(requete));
        m.matches();
        Map<String, Object> calcules;
        try {
            calcules = contenus.get().pour(m.group(1));
        } catch (RuntimeException e) {
            // The form still opens, with the engine's variables: the agent can work, the fault is in the log.
            LOG.error("Contenus calculés du formulaire de la tâche {} indisponibles", m.group(1), e);
            calcules = Map.of();
        }
        if (calcules.isEmpty()) {
            tampon.copyBodyToResponse();
            return;
        }
        ObjectNode variables = (ObjectNode) json.readTree(tampon.getContentAsByteArray());
        String noms = requete.getParameter("variableNames");
        Set<String> demandes = noms == null || noms.isBlank() ? null : Arrays.stream(noms.split(",")).map(String::strip).collect(Collectors.toSet());
        calcules.forEach((nom, valeur) -> {
            if (demandes != null && !demandes.contains(nom)) {
                return;
            }
            ObjectNode v = variables.putObject(nom);
            if (valeur instanceof Integer i) {
                v.put("type", "Integer").put("value", i);
            } else {
                v.put("type", "String").put("value", valeur == null ? null : valeur.toString());
            }
            v.putObject("valueInfo");
        });
        byte[] corps = json.writeValueAsBytes(variables);
        tampon.resetBuffer();
        reponse.setContentLength(corps.length);
        reponse.getOutputStream().write(corps);
    }
}
