package fr.gouv.fabriques.process.commun;

import fr.gouv.fabriques.domain.ErreurMetier;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * When a task is completed with values the server refuses (a listener's use case
 * throws an {@link ErreurMetier}), the client gets a 400 with the French message —
 * from Tasklist and from /engine-rest alike — instead of a 500 wrapped in engine
 * jargon. The engine wraps listener exceptions; this interceptor, outside the
 * transaction, unwraps them into the form-validation exception Camunda's REST layer
 * maps to 400. Nothing was written: the transaction has already rolled back.
 */
public class ErreursFormulairePlugin extends AbstractProcessEnginePlugin {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ErreursFormulairePlugin.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new TraductionErreurs());
    }

    /** The engine keeps a String variable, and each of its history entries, in 4,000 characters. */
    static final int LONGUEUR_MAX_TEXTE = 4000;

    static class TraductionErreurs extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            verifierLongueurs(command);
            try {
                return next.execute(command);
            } catch (RuntimeException e) {
                if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
                    ErreurMetier cause = causeMetier(e);
                    if (cause != null) {
                        LOG.info("Saisie refusée ({}) : {}", command.getClass().getSimpleName(), cause.getMessage());
                        throw new FormFieldValidationException(cause.champ(), cause.getMessage(), cause);
                    }
                }
                throw e;
            }
        }
    }

    /**
     * A text longer than the engine can store would fail at the end of the transaction with a
     * database error (500); refused here first, naming the field, as any other bad value.
     */
    static void verifierLongueurs(Command<?> command) {
        Map<String, Object> soumis = soumis(command);
        if (soumis == null) {
            return;
        }
        for (Map.Entry<String, Object> e : soumis.entrySet()) {
            Object v = e.getValue() instanceof TypedValue t ? t.getValue() : e.getValue();
            if (v instanceof String texte && texte.length() > LONGUEUR_MAX_TEXTE) {
                throw new FormFieldValidationException(e.getKey(), e.getKey() + " : " + LONGUEUR_MAX_TEXTE + " caractères au plus (reçu : "
                        + texte.length() + ") ; raccourcissez le texte");
            }
        }
    }

    /** What a completion submits: the engine's commands keep it in a protected field. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> soumis(Command<?> command) {
        try {
            Field f = champSoumis(command);
            return f == null ? null : (Map<String, Object>) f.get(command);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // An engine version without that field: the database refuses instead (500), nothing is written.
            return null;
        }
    }

    /** Gives the command other values to submit (the map it holds may be the caller's, and unmodifiable). */
    static void remplacerSoumis(Command<?> command, VariableMap valeurs) {
        try {
            champSoumis(command).set(command, valeurs);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Version du moteur sans le champ des valeurs soumises de " + command.getClass().getSimpleName(), e);
        }
    }

    /** The field of a completion command that holds the submitted values; null for another command. */
    private static Field champSoumis(Command<?> command) throws NoSuchFieldException {
        Class<?> classe = command instanceof CompleteTaskCmd ? CompleteTaskCmd.class : command instanceof SubmitTaskFormCmd ? SubmitTaskFormCmd.class : null;
        if (classe == null) {
            return null;
        }
        Field f = classe.getDeclaredField(classe == CompleteTaskCmd.class ? "variables" : "properties");
        f.setAccessible(true);
        return f;
    }

    static ErreurMetier causeMetier(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ErreurMetier m) {
                return m;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
