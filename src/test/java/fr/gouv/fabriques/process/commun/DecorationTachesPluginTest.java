package fr.gouv.fabriques.process.commun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/**
 * On the process tests' engine (moteur-tests-processus.cfg.xml, full history, the plugin active): a task carries its dossier in its name
 * and the four columns as its own variables, and those copies leave no historic variable, while the process variables
 * they copy and the task's other variables keep theirs (no variable has details: HistoriqueSansDetailsPluginTest).
 */
class DecorationTachesPluginTest extends EssaiSurLeMoteur {

    @Test
    void lesCopiesDesColonnesNOntPasDHistoireEtLeResteGardeLaSienne() {
        ProcessEngine e = moteur.getProcessEngine();
        deploiement = e.getRepositoryService().createDeployment().addModelInstance("decoration.bpmn",
                Bpmn.createExecutableProcess("Essai_Decoration").camundaHistoryTimeToLive(30).startEvent().userTask("Tache").name("Instruire")
                        .endEvent().done()).deploy().getId();
        String instance = e.getRuntimeService().startProcessInstanceByKey("Essai_Decoration", "FDT-2026-0042",
                Map.of(Variables.NUMERO, "FDT-2026-0042", Variables.STRUCTURE, "La Fabrique du Val", Variables.CATEGORIE, "QPV",
                        Variables.VAGUE, "FDT-2026-12")).getId();
        Task tache = e.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
        assertThat(tache.getName()).isEqualTo("Instruire FDT-2026-0042 — La Fabrique du Val");
        assertThat(e.getTaskService().getVariablesLocal(tache.getId())).containsOnlyKeys(DecorationTachesPlugin.COLONNES);
        e.getTaskService().setVariableLocal(tache.getId(), "noteLocale", 3);
        e.getTaskService().setVariableLocal(tache.getId(), Variables.VAGUE, "FDT-2026-13");
        e.getTaskService().complete(tache.getId());

        List<HistoricVariableInstance> histoire = e.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance).list();
        assertThat(histoire).filteredOn(v -> v.getTaskId() == null).extracting(HistoricVariableInstance::getName)
                .containsExactlyInAnyOrderElementsOf(DecorationTachesPlugin.COLONNES);
        assertThat(histoire).filteredOn(v -> v.getTaskId() != null).extracting(HistoricVariableInstance::getName).containsExactly("noteLocale");
    }

    @Test
    void lesCopiesDesVariablesDuDossierDansUnProcessusAppeleNOntPasDHistoire() {
        ProcessEngine e = moteur.getProcessEngine();
        var d = e.getRepositoryService().createDeployment()
                .addModelInstance("appele.bpmn", Bpmn.createExecutableProcess("Essai_Appele").camundaHistoryTimeToLive(30).startEvent()
                        .serviceTask("Calcul").camundaExpression("${execution.setVariable('issue', 'INSTRUIT')}")
                        .userTask("TacheAppelee").name("Instruire").endEvent().done())
                .addModelInstance("appelant.bpmn", Bpmn.createExecutableProcess("Essai_Appelant").camundaHistoryTimeToLive(30).startEvent()
                        .callActivity("Appel").calledElement("Essai_Appele").camundaIn("numero", "numero").camundaIn("departement", "departement")
                        .camundaIn("vague", "vague").camundaOut("issue", "issue").endEvent().done());
        deploiement = d.deploy().getId();
        String racine = e.getRuntimeService().startProcessInstanceByKey("Essai_Appelant", "FDT-2026-0044",
                Map.of(Variables.NUMERO, "FDT-2026-0044", Variables.DEPARTEMENT, "58", Variables.VAGUE, "FDT-2026-12")).getId();
        Task tache = e.getTaskService().createTaskQuery().processDefinitionKey("Essai_Appele").singleResult();
        String appele = tache.getProcessInstanceId();
        assertThat(e.getRuntimeService().getVariables(appele)).containsKeys(Variables.NUMERO, Variables.DEPARTEMENT, Variables.VAGUE, "issue");
        e.getTaskService().complete(tache.getId());

        List<HistoricVariableInstance> histoire = e.getHistoryService().createHistoricVariableInstanceQuery().list();
        assertThat(histoire).filteredOn(v -> appele.equals(v.getProcessInstanceId())).extracting(HistoricVariableInstance::getName)
                .as("dans le processus appelé : ses propres variables seulement").containsExactly("issue");
        assertThat(histoire).filteredOn(v -> racine.equals(v.getProcessInstanceId())).extracting(HistoricVariableInstance::getName)
                .containsExactlyInAnyOrder(Variables.NUMERO, Variables.DEPARTEMENT, Variables.VAGUE, "issue");
    }
}
