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
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.type.PrimitiveValueType;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Task data is the server's: completing a user task ({@code complete} or {@code submit-form},
 * from Tasklist or /engine-rest) accepts only the fields its deployed Camunda Form declares.
 * Anything else — an extra value, a misspelt field, the name of a process variable such as
 * {@code dossierId} or {@code annee} — is refused with a 400 naming it, before the engine
 * writes anything: submitted values would otherwise overwrite the process variables the
 * listeners and gateways trust.
 * <p>
 * Then, on a task with a complete listener (every task of the programme: ADR 0001), the accepted values become transient
 * variables of the task itself, whether they came by {@code submit-form} (Tasklist) or {@code complete} (doc/adr/0025): the
 * listener reads them, has its use case record them in the application's tables, and they end with the command, without a
 * row in the engine's variables or their history. What the process needs afterwards, the listener sets as a variable of its
 * own. A value of another type than text, number, yes/no or date (an object, JSON, a file) is refused there, naming the
 * field. A field the task or its execution already holds as a stored variable, and every value submitted to a task without
 * a complete listener, are left to the engine, stored as before.
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
                TaskEntity tache = verifier(idTache(command), soumis.keySet());
                if (tache != null && ecouteCompletion(tache)) {
                    ErreursFormulairePlugin.remplacerSoumis(command, rendreEphemeres(tache, soumis, command instanceof SubmitTaskFormCmd));
                }
            }
            return next.execute(command);
        }

        /** A task whose model has a listener on its completion: the one that reads and records the form (ADR 0001). */
        private static boolean ecouteCompletion(TaskEntity tache) {
            List<TaskListener> ecouteurs = tache.getTaskDefinition() == null ? null
                    : tache.getTaskDefinition().getTaskListenersForEvent(TaskListener.EVENTNAME_COMPLETE);
            return ecouteurs != null && !ecouteurs.isEmpty();
        }

        /** The task whose deployed form declares every submitted field; null for a task without such a form. */
        private TaskEntity verifier(String idTache, Set<String> noms) {
            if (idTache == null) {
                return null;
            }
            // Without authorization checks: the form's definition is the application's business, not the agent's. The task
            // by its id and the definition from the deployment cache: a task query here cost a sixth of a submit-form (issue 13).
            CommandContext contexte = Context.getCommandContext();
            TaskEntity[] trouvee = {null};
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
                trouvee[0] = tache;
                return new Formulaire(tache.getName(), cle, champsParFormulaire.computeIfAbsent(deploiement + "/" + cle, k -> champs(deploiement, cle)));
            });
            if (formulaire == null) {
                return null;
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
            return trouvee[0];
        }

        /**
         * Each submitted value, transient, on the task itself; what the command is then given. {@code submit-form} sets it
         * there again (the task's own variable of that name wins over the process's); {@code complete} would set it on the
         * execution, so it no longer gets it. The command's entity cache holds this very task: the command finds it.
         */
        private VariableMap rendreEphemeres(TaskEntity tache, Map<String, Object> soumis, boolean formulaire) {
            VariableMap reste = Variables.createVariables();
            for (Map.Entry<String, Object> champ : soumis.entrySet()) {
                if (tache.hasVariableLocal(champ.getKey())
                        || tache.getExecution() != null && tache.getExecution().hasVariableLocal(champ.getKey())) {
                    reste.put(champ.getKey(), champ.getValue());
                    continue;
                }
                TypedValue ephemere = ephemere(champ.getValue());
                if (ephemere == null) {
                    // No field of a Camunda Form sends one; a forged request does, and would be stored in the process.
                    throw new ErreurMetier(champ.getKey(), "« " + champ.getKey() + " » : valeur de type « "
                            + genre(champ.getValue()) + " » refusée pour le formulaire de la tâche « "
                            + tache.getName() + " » ; attendu : du texte, un nombre, oui ou non, ou une date. Rien n'est enregistré.");
                }
                tache.setVariableLocal(champ.getKey(), ephemere);
                if (formulaire) {
                    reste.put(champ.getKey(), ephemere);
                }
            }
            return reste;
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

    /** The same value, transient; null for a value of another kind (object, list, JSON, XML, file, bytes). */
    static TypedValue ephemere(Object valeur) {
        if (!(valeur instanceof TypedValue type)) {
            return simple(valeur) ? Variables.untypedValue(valeur, true) : null;
        }
        if (type.isTransient()) {
            return type;
        }
        ValueType genre = type.getType();
        if (genre == null) {
            // Sent without a type: what the JSON holds (text, number, yes/no), or an object or a list, refused.
            return simple(type.getValue()) ? Variables.untypedValue(type.getValue(), true) : null;
        }
        if (genre == ValueType.NULL) {
            return Variables.untypedNullValue(true);
        }
        if (genre instanceof PrimitiveValueType primitif && primitif != ValueType.BYTES) {
            return primitif.createValue(type.getValue(), Map.of(ValueType.VALUE_INFO_TRANSIENT, true));
        }
        return null;
    }

    /** The type's name as the engine's REST says it (json, object, file…); for an untyped value, what it looks like. */
    private static String genre(Object valeur) {
        if (valeur instanceof TypedValue t && t.getType() != null) {
            return t.getType().getName();
        }
        Object brut = valeur instanceof TypedValue t ? t.getValue() : valeur;
        if (brut instanceof org.camunda.spin.json.SpinJsonNode) {
            return "json";
        }
        if (brut instanceof org.camunda.spin.xml.SpinXmlElement) {
            return "xml";
        }
        // Never a Java class name: the message goes to the agent.
        return brut instanceof java.util.Collection ? "liste" : "objet";
    }

    private static boolean simple(Object valeur) {
        return valeur == null || valeur instanceof String || valeur instanceof Number || valeur instanceof Boolean
                || valeur instanceof java.util.Date;
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
