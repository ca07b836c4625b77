package fr.gouv.fabriques.process.commun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/**
 * On the process tests' engine (camunda.cfg.xml, full history, the plugins of the application): variables set at the
 * start, by a form submitted through the form service, and changed later leave their historic variable with the last
 * value, the task and the user operation log, but no detail (doc/adr/0021).
 */
class HistoriqueSansDetailsPluginTest extends EssaiSurLeMoteur {

    @Test
    void lHistoriqueGardeVariablesTachesEtOperationsSansAucunDetail() {
        ProcessEngine e = moteur.getProcessEngine();
        assertThat(((ProcessEngineConfigurationImpl) e.getProcessEngineConfiguration()).getHistoryEventHandler())
                .as("le gestionnaire d'historique du moteur, enveloppé par celui des copies de colonnes").isNotNull();
        deploiement = e.getRepositoryService().createDeployment().addModelInstance("details.bpmn",
                Bpmn.createExecutableProcess("Essai_Details").camundaHistoryTimeToLive(30).startEvent().userTask("Tache").name("Instruire")
                        .endEvent().done()).deploy().getId();
        String instance = e.getRuntimeService().startProcessInstanceByKey("Essai_Details", "FDT-2026-0043",
                Map.of("note", 1, Variables.NUMERO, "FDT-2026-0043")).getId();
        e.getRuntimeService().setVariable(instance, "note", 2);
        Task tache = e.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
        e.getIdentityService().setAuthenticatedUserId("instructeur");
        e.getFormService().submitTaskForm(tache.getId(), Map.of("note", 3, "avis", "favorable"));

        assertThat(e.getHistoryService().createHistoricDetailQuery().processInstanceId(instance).list()).as("détails").isEmpty();
        assertThat(e.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance).list())
                .extracting(HistoricVariableInstance::getName, HistoricVariableInstance::getValue)
                .contains(org.assertj.core.groups.Tuple.tuple("note", 3), org.assertj.core.groups.Tuple.tuple("avis", "favorable"));
        assertThat(e.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(instance).finished().list()).hasSize(1);
        assertThat(e.getHistoryService().createUserOperationLogQuery().taskId(tache.getId()).list())
                .extracting(UserOperationLogEntry::getOperationType, UserOperationLogEntry::getUserId)
                .contains(org.assertj.core.groups.Tuple.tuple(UserOperationLogEntry.OPERATION_TYPE_COMPLETE, "instructeur"));
        assertThat(e.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count()).isEqualTo(1);
    }
}
