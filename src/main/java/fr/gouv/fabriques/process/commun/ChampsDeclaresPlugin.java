package fr.gouv.fabriques.process.commun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gouv.fabriques.domain.ErreurMetier;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Task data is the server's: completing a user task ({@code complete} or {@code submit-form},
 * from Tasklist or /engine-rest) accepts only the fields its deployed Camunda Form declares.
 * Anything else — an extra value, a misspelt field, the name of a process variable such as
 * {@code dossierId} or {@code annee} — is refused with a 400 naming it, before the engine
 * writes anything: submitted values would otherwise overwrite the process variables the
 * listeners and gateways trust.
 */
public class ChampsDeclaresPlugin extends AbstractProcessEnginePlugin {

    private final Map<String, Set<String>> champsParFormulaire = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // After the engine's command-context interceptor: the check reads the task and its definition in the command's own
        // context and transaction, and the command then finds them in that context's cache (issue 13: a separate command here
        // cost a transaction and two selects of each submit-form).
        if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPostCommandInterceptorsTxRequired().add(new Garde(configuration));
    }

    class Garde extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl configuration;

        Garde(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            Map<String, Object> soumis = ErreursFormulairePlugin.soumis(command);
            if (soumis != null && !soumis.isEmpty()) {
                verifier(idTache(command), soumis.keySet());
            }
            return next.execute(command);
        }

        private void verifier(String idTache, Set<String> noms) {
            if (idTache == null) {
                return;
            }
            // Without authorization checks: the form's definition is the application's business, not the agent's. The task
            // by its id and the definition from the deployment cache: a task query here cost a sixth of a submit-form (issue 13).
            CommandContext contexte = Context.getCommandContext();
            Formulaire formulaire = contexte.runWithoutAuthorization(() -> {
                TaskEntity tache = contexte.getTaskManager().findTaskById(idTache);
                if (tache == null || tache.getProcessDefinitionId() == null) {
                    return null;
                }
                tache.initializeFormKey();
                if (tache.getCamundaFormRef() == null || !"deployment".equals(tache.getCamundaFormRef().getBinding())) {
                    return null;
                }
                String deploiement = configuration.getDeploymentCache().findDeployedProcessDefinitionById(tache.getProcessDefinitionId())
                        .getDeploymentId();
                String cle = tache.getCamundaFormRef().getKey();
                return new Formulaire(tache.getName(), cle, champsParFormulaire.computeIfAbsent(deploiement + "/" + cle, k -> champs(deploiement, cle)));
            });
            if (formulaire == null) {
                return;
            }
            List<String> inconnus = noms.stream().filter(n -> !formulaire.champs().contains(n)).sorted().toList();
            if (!inconnus.isEmpty()) {
                // A business refusal (ErreurMetier): inside the command's context now, the engine would otherwise log it at ERROR
                // with its stack; ErreursFormulairePlugin logs it in one line and answers the same 400 (FormFieldValidationException).
                throw new ErreurMetier(inconnus.get(0), (inconnus.size() == 1
                        ? "« " + inconnus.get(0) + " » n'est pas un champ"
                        : "« " + String.join(" », « ", inconnus) + " » ne sont pas des champs")
                        + " du formulaire de la tâche « " + formulaire.tache() + " » : refusé, rien n'est enregistré. Champs attendus : "
                        + (formulaire.champs().isEmpty() ? "aucun" : String.join(", ", formulaire.champs())) + ".");
            }
        }

        /** The keys of the input fields of the deployment's form {@code cle}. */
        private Set<String> champs(String deploiement, String cle) {
            for (String ressource : configuration.getRepositoryService().getDeploymentResourceNames(deploiement)) {
                if (!ressource.endsWith(".form")) {
                    continue;
                }
                try (InputStream in = configuration.getRepositoryService().getResourceAsStream(deploiement, ressource)) {
                    JsonNode racine = json.readTree(in);
                    if (!cle.equals(racine.path("id").asText())) {
                        continue;
                    }
                    Set<String> champs = new TreeSet<>();
                    collecter(racine, champs);
                    return Collections.unmodifiableSet(champs);
                } catch (IOException e) {
                    throw new IllegalStateException("Formulaire illisible : " + ressource + " du déploiement " + deploiement, e);
                }
            }
            return Set.of();
        }

        private void collecter(JsonNode composant, Set<String> champs) {
            for (JsonNode c : composant.path("components")) {
                if (c.hasNonNull("key") && !"text".equals(c.path("type").asText())) {
                    champs.add(c.get("key").asText());
                }
                collecter(c, champs);
            }
        }
    }

    private record Formulaire(String tache, String cle, Set<String> champs) {
    }

    private static String idTache(Command<?> command) {
        try {
            Class<?> classe = command instanceof CompleteTaskCmd ? CompleteTaskCmd.class : SubmitTaskFormCmd.class;
            java.lang.reflect.Field f = classe.getDeclaredField("taskId");
            f.setAccessible(true);
            return (String) f.get(command);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
