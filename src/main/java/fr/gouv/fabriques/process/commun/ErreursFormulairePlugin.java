package fr.gouv.fabriques.process.commun;

import fr.gouv.fabriques.domain.ErreurMetier;
import java.util.ArrayList;
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

    static class TraductionErreurs extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
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
