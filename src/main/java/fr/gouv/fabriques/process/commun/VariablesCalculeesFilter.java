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
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
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
    private final ReponsesErreurMoteur reponses = new ReponsesErreurMoteur();

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

    /**
     * The engine's « Cannot find task with id … » while computing the contents: the 404 that the engine's REST
     * gives a task that no longer exists (in French, by {@link ReponsesErreurMoteur}); null for any other fault.
     */
    private ReponsesErreurMoteur.Reecriture tacheTerminee(HttpServletRequest requete, String tache, RuntimeException e) {
        if (!(e instanceof ProcessEngineException) || e.getMessage() == null) {
            return null;
        }
        String chemin = "/task/" + tache + "/form-variables";
        if (!ReponsesErreurMoteur.inexistant(e.getMessage(), ReponsesErreurMoteur.Adresse.de(chemin))) {
            return null;
        }
        ObjectNode origine = json.createObjectNode().put("type", e.getClass().getSimpleName()).put("message", e.getMessage());
        ReponsesErreurMoteur.Reecriture r = reponses.reecrire(500, requete.getMethod(), requete.getRequestURI(), chemin, "application/json",
                origine.toString().getBytes(StandardCharsets.UTF_8));
        return r != null && r.statut() == 404 ? r : null;
    }

    /** The engine's answer: its variables by name, as JSON. */
    private ObjectNode lire(ContentCachingResponseWrapper tampon) {
        try {
            return (ObjectNode) json.readTree(tampon.getContentAsByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
        ObjectNode[] reponseMoteur = new ObjectNode[1];
        Map<String, Object> calcules;
        try {
            calcules = contenus.get().pour(m.group(1), nom -> {
                if (reponseMoteur[0] == null) {
                    reponseMoteur[0] = lire(tampon);
                }
                JsonNode v = reponseMoteur[0].path(nom).path("value");
                return v.isValueNode() && !v.isNull() ? v.asText() : null;
            });
        } catch (RuntimeException e) {
            ReponsesErreurMoteur.Reecriture terminee = tacheTerminee(requete, m.group(1), e);
            if (terminee != null) {
                // Completed by someone else between the engine's answer and ours: no fault, the task is gone.
                tampon.resetBuffer();
                reponse.setStatus(terminee.statut());
                reponse.setContentType("application/json");
                reponse.setCharacterEncoding(StandardCharsets.UTF_8.name());
                reponse.setContentLength(terminee.corps().length);
                reponse.getOutputStream().write(terminee.corps());
                return;
            }
            // The form still opens, with the engine's variables: the agent can work, the fault is in the log.
            LOG.error("Contenus calculés du formulaire de la tâche {} indisponibles", m.group(1), e);
            calcules = Map.of();
        }
        if (calcules.isEmpty()) {
            tampon.copyBodyToResponse();
            return;
        }
        ObjectNode variables = reponseMoteur[0] != null ? reponseMoteur[0] : lire(tampon);
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
