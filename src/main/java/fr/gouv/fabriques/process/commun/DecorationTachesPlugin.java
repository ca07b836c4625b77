package fr.gouv.fabriques.process.commun;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Every user task of every model carries its dossier in its name, so a Tasklist
 * list reads « Instruire le dossier FDT-2026-0042 — La Fabrique du Val », and the
 * dossier's number, structure, category and wave as its own variables (the filters'
 * columns). Done once here for all models, so the names analysts see stay plain.
 * <p>
 * Those copies have no history of their own: the process variables they copy have theirs. With the
 * full history, each copy wrote a historic variable and a detail when the task was created, and again
 * when it was completed: four copies per task, a tenth of the SQL of a wait state (issue 13). Nor have
 * the copies of the dossier's variables that each called process receives: the dossier's main process
 * keeps their history, and each copy wrote a historic variable at the call, updated when the called
 * process ended (doc/adr/0020).
 */
public class DecorationTachesPlugin extends AbstractProcessEnginePlugin {

    static final TaskListener NOMMER_AVEC_LE_DOSSIER = DecorationTachesPlugin::nommer;

    /** Where each task's key and business key are kept for its forms; null in tests of the models alone. */
    private final TachesConnues connues;

    public DecorationTachesPlugin() {
        this(null);
    }

    public DecorationTachesPlugin(TachesConnues connues) {
        this.connues = connues;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior comportement) {
                    comportement.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, connues == null ? NOMMER_AVEC_LE_DOSSIER
                            : tache -> {
                                nommer(tache);
                                connues.creee(tache);
                            });
                }
            }
        });
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        // The engine looks the handler up in its configuration for every event: set after its own was built.
        configuration.setHistoryEventHandler(new SansHistoireDesCopies(configuration.getHistoryEventHandler()));
    }

    /** The engine's history, less the events of the task-local copies of the columns (creation, update, deletion). */
    static final class SansHistoireDesCopies implements HistoryEventHandler {

        private final HistoryEventHandler moteur;

        SansHistoireDesCopies(HistoryEventHandler moteur) {
            this.moteur = moteur;
        }

        /**
         * A task-local copy of a column, or a called process's copy of one of the dossier's variables (its call
         * activity's camunda:in mappings): the dossier's main process keeps the history of the variable itself (doc/adr/0020).
         */
        static boolean copieDeColonne(HistoryEvent evenement) {
            if (!(evenement instanceof HistoricVariableUpdateEventEntity v)) {
                return false;
            }
            if (v.getTaskId() != null) {
                return COLONNES.contains(v.getVariableName());
            }
            return v.getProcessInstanceId() != null && v.getRootProcessInstanceId() != null
                    && !v.getProcessInstanceId().equals(v.getRootProcessInstanceId()) && DU_DOSSIER.contains(v.getVariableName());
        }

        @Override
        public void handleEvent(HistoryEvent evenement) {
            if (!copieDeColonne(evenement)) {
                moteur.handleEvent(evenement);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> evenements) {
            if (evenements.stream().noneMatch(SansHistoireDesCopies::copieDeColonne)) {
                moteur.handleEvents(evenements);
                return;
            }
            moteur.handleEvents(evenements.stream().filter(e -> !copieDeColonne(e)).toList());
        }
    }

    /** The dossier's variables every called process receives a copy of. */
    static final java.util.Set<String> DU_DOSSIER = java.util.Set.copyOf(Variables.DU_DOSSIER);

    /** The Tasklist columns (filters show numero, structure, categorie, vague). */
    static final java.util.List<String> COLONNES = java.util.List.of(Variables.NUMERO, Variables.STRUCTURE, Variables.CATEGORIE,
            Variables.VAGUE);

    static void nommer(DelegateTask tache) {
        // Copied onto the task: an agent may read his task's own variables, not the whole process instance's,
        // and Tasklist's columns would otherwise stay empty for him.
        for (String nom : COLONNES) {
            Object valeur = tache.getVariable(nom);
            if (valeur != null) {
                tache.setVariableLocal(nom, valeur);
            }
        }
        Object numero = tache.getVariable(Variables.NUMERO);
        Object vague = tache.getVariable(Variables.VAGUE);
        if (numero == null && vague != null && tache.getName() != null && !tache.getName().contains(vague.toString())) {
            // A wave's committee task: « Délibérer en comité — vague FDT-2026-12 ».
            tache.setName(tache.getName() + " — vague " + vague);
            return;
        }
        if (numero == null || tache.getName() == null || tache.getName().contains(numero.toString())) {
            return;
        }
        Object structure = tache.getVariable(Variables.STRUCTURE);
        tache.setName(tache.getName() + " " + numero + (structure == null ? "" : " — " + structure));
    }
}
