package fr.gouv.fabriques.process.commun;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Every user task of every model carries its dossier in its name, so a Tasklist
 * list reads « Instruire le dossier FDT-2026-0042 — La Fabrique du Val », and the
 * dossier's number, structure, category and wave as its own variables (the filters'
 * columns). Done once here for all models, so the names analysts see stay plain.
 */
public class DecorationTachesPlugin extends AbstractProcessEnginePlugin {

    static final TaskListener NOMMER_AVEC_LE_DOSSIER = DecorationTachesPlugin::nommer;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior comportement) {
                    comportement.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, NOMMER_AVEC_LE_DOSSIER);
                }
            }
        });
    }

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
