package fr.gouv.fabriques.process.commun;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;

/**
 * The engine's full history without its variable details (table {@code ACT_HI_DETAIL}): every value a variable
 * ever took, and every field of every submitted form, written a second time beside the variable's own history
 * (doc/adr/0021); and with the job log of failures only (doc/adr/0026): not the creation, success or deletion of every
 * asynchronous continuation and timer, which the activities' history already tells. The historic variables (last value,
 * {@code ACT_HI_VARINST}), the user operation log (who completed which task, when), tasks, activities, decisions and
 * incidents stay as the full level writes them.
 * <p>
 * What an agent decided is the application's record, not the engine's: the domain tables and the dossier's journal
 * (who, what, when), written by the use cases from the checked values (doc/adr/0008). The details doubled it at a
 * price: a third of the rows the engine wrote per wait state of the lifecycle, and the largest table of its history
 * (issue 13, doc/performance/cycle-de-vie.md).
 */
public class HistoriqueSansDetailsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getHistoryEventHandler() != null) {
            throw new IllegalStateException("Un gestionnaire d'historique est déjà configuré (" + configuration.getHistoryEventHandler()
                    + ") : l'historique sans détails ne le remplace pas.");
        }
        if (configuration.getCustomHistoryEventHandlers() != null && !configuration.getCustomHistoryEventHandlers().isEmpty()) {
            throw new IllegalStateException("Des gestionnaires d'historique supplémentaires sont configurés : l'historique sans détails "
                    + "remplacerait le gestionnaire composite qui les appelle.");
        }
        configuration.setHistoryEventHandler(new SansDetails());
    }

    /** The engine's database handler, less the rows of {@code ACT_HI_DETAIL} and the job log of what did not fail. */
    static final class SansDetails extends DbHistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent evenement) {
            // A submitted form's fields: details only (the variables they set have their own events).
            if (evenement instanceof HistoricFormPropertyEventEntity) {
                return;
            }
            // The job log keeps the failures only: a job created, done or deleted is already told by the activities it ran.
            if (evenement instanceof HistoricJobLogEvent journal && !journal.isFailureLog()) {
                return;
            }
            super.handleEvent(evenement);
        }

        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity evenement) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "HistoriqueSansDetailsPlugin";
    }
}
