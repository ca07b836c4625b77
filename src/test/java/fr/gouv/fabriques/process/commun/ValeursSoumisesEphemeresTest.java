package fr.gouv.fabriques.process.commun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On an engine of its own (H2, full history) with the plugins that guard task completion: the values of a form reach the
 * task's complete listener, transient, and leave no variable, current or historic (doc/adr/0025). A task without a complete
 * listener, and a field the task already holds as a stored variable (a task created before this rule), keep the engine's
 * behaviour.
 */
class ValeursSoumisesEphemeresTest {

    private static final String FORMULAIRE = """
            {"id": "essai-ephemeres", "type": "default", "components": [
              {"key": "avis", "type": "radio", "label": "Avis"},
              {"key": "montant", "type": "number", "label": "Montant"},
              {"text": "Lecture seule", "type": "text"}]}
            """;

    /** What the complete listener read, by task id. */
    static final Map<String, Map<String, Object>> LUS = new ConcurrentHashMap<>();

    /** The listener of ADR 0001: reads the values, sets the routing fact, takes the values out of the process. */
    public static class Ecouteur implements TaskListener {
        @Override
        public void notify(DelegateTask tache) {
            ValeursFormulaire f = new ValeursFormulaire(tache);
            String avis = f.texte("avis");
            Integer montant = f.entier("montant");
            f.verifier();
            Map<String, Object> lus = new java.util.HashMap<>();
            lus.put("avis", avis);
            lus.put("montant", montant);
            LUS.put(tache.getId(), lus);
            f.retirerDuProcessus();
            tache.getExecution().setVariable("avisRendu", avis);
        }
    }

    private static ProcessEngine moteur;

    @BeforeAll
    static void demarrer() {
        ProcessEngineConfigurationImpl configuration = fr.gouv.fabriques.process.MoteurIsole.configuration("ephemeres");
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setProcessEnginePlugins(List.of(new org.camunda.spin.plugin.impl.SpinProcessEnginePlugin(),
                new ErreursFormulairePlugin(), new ChampsDeclaresPlugin()));
        moteur = configuration.buildProcessEngine();
        moteur.getRepositoryService().createDeployment()
                .addModelInstance("avec-ecouteur.bpmn", modele("Essai_AvecEcouteur", true))
                .addModelInstance("sans-ecouteur.bpmn", modele("Essai_SansEcouteur", false))
                .addString("essai-ephemeres.form", FORMULAIRE)
                .deploy();
    }

    @AfterAll
    static void arreter() {
        moteur.close();
    }

    @BeforeEach
    void vider() {
        LUS.clear();
    }

    private static BpmnModelInstance modele(String cle, boolean ecouteur) {
        var tache = Bpmn.createExecutableProcess(cle).camundaHistoryTimeToLive(30).startEvent().userTask("Tache")
                .camundaFormRef("essai-ephemeres").camundaFormRefBinding("deployment");
        if (ecouteur) {
            tache = tache.camundaTaskListenerClass(TaskListener.EVENTNAME_COMPLETE, Ecouteur.class);
        }
        return tache.userTask("Suite").endEvent().done();
    }

    @Test
    void parSubmitFormLEcouteurLitLesValeursQuiNeLaissentAucuneVariable() {
        String instance = demarrer("Essai_AvecEcouteur");
        Task tache = tache(instance);
        moteur.getFormService().submitTaskForm(tache.getId(), Variables.createVariables().putValue("avis", "FAVORABLE").putValue("montant", 45000L));

        assertThat(LUS.get(tache.getId())).containsEntry("avis", "FAVORABLE").containsEntry("montant", 45000);
        assertThat(noms(instance)).containsExactly("avisRendu").doesNotContain("avis", "montant");
        assertThat(moteur.getRuntimeService().getVariable(instance, "avisRendu")).isEqualTo("FAVORABLE");
    }

    @Test
    void parCompleteAussi() {
        String instance = demarrer("Essai_AvecEcouteur");
        Task tache = tache(instance);
        moteur.getTaskService().complete(tache.getId(), Map.of("avis", "RESERVE", "montant", 1000));

        assertThat(LUS.get(tache.getId())).containsEntry("avis", "RESERVE").containsEntry("montant", 1000);
        assertThat(noms(instance)).containsExactly("avisRendu");
    }

    @Test
    void unChampDejaStockeSurLaTacheLeResteCommeAvant() {
        String instance = demarrer("Essai_AvecEcouteur");
        Task tache = tache(instance);
        // What the create listener of « Décider du dossier » declared before ADR 0025.
        moteur.getTaskService().setVariableLocal(tache.getId(), "avis", null);
        moteur.getFormService().submitTaskForm(tache.getId(), Map.of("avis", "DEFAVORABLE", "montant", 5));

        assertThat(LUS.get(tache.getId())).containsEntry("avis", "DEFAVORABLE").containsEntry("montant", 5);
        assertThat(noms(instance)).as("le champ déclaré garde son historique, l'autre n'en a pas").contains("avis", "avisRendu")
                .doesNotContain("montant");
    }

    @Test
    void sansEcouteurDeCompletionLesChampsDeviennentDesVariablesCommeDansCamunda() {
        String instance = demarrer("Essai_SansEcouteur");
        moteur.getFormService().submitTaskForm(tache(instance).getId(), Map.of("avis", "FAVORABLE"));

        assertThat(moteur.getRuntimeService().getVariable(instance, "avis")).isEqualTo("FAVORABLE");
        assertThat(noms(instance)).containsExactly("avis");
    }

    @Test
    void uneValeurJsonEstRefuseeEnNommantLeChampSansRienEcrire() {
        String instance = demarrer("Essai_AvecEcouteur");
        Task tache = tache(instance);
        for (Runnable envoi : List.<Runnable>of(
                () -> moteur.getFormService().submitTaskForm(tache.getId(),
                        Variables.createVariables().putValueTyped("avis", SpinValues.jsonValue("{\"a\":1}").create())),
                () -> moteur.getTaskService().complete(tache.getId(),
                        Variables.createVariables().putValueTyped("avis", SpinValues.jsonValue("{\"a\":1}").create())))) {
            assertThatThrownBy(envoi::run).hasMessageContaining("« avis »").hasMessageContaining("json");
        }
        assertThat(tache(instance).getId()).as("la tâche reste ouverte").isEqualTo(tache.getId());
        assertThat(LUS).isEmpty();
        assertThat(noms(instance)).isEmpty();
    }

    private static String demarrer(String cle) {
        return moteur.getRuntimeService().startProcessInstanceByKey(cle).getId();
    }

    private static Task tache(String instance) {
        return moteur.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey("Tache").singleResult();
    }

    /** The names of every variable of the instance and its tasks, in its history (the current ones are there too). */
    private static List<String> noms(String instance) {
        return moteur.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance).list().stream()
                .map(HistoricVariableInstance::getName).sorted().toList();
    }
}
