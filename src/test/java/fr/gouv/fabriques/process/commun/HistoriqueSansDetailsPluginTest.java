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
 * On the process tests' engine (moteur-tests-processus.cfg.xml, full history, the plugins of the application): variables set at the
 * start, by a form submitted through the form service, and changed later leave their historic variable with the last
 * value, the task and the user operation log, but no detail (doc/adr/0021); the job log keeps its failures only
 * (doc/adr/0026).
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

    /**
     * An asynchronous continuation that fails once then succeeds, and a boundary timer deleted when its task ends: the
     * job log holds the failure, with its message, and nothing of the creations, the success or the deletion (doc/adr/0026).
     * The activities they ran are in the history.
     */
    @Test
    void leJournalDesJobsNeGardeQueLesEchecs() {
        ProcessEngine e = moteur.getProcessEngine();
        deploiement = e.getRepositoryService().createDeployment().addModelInstance("jobs.bpmn",
                Bpmn.createExecutableProcess("Essai_JournalJobs").camundaHistoryTimeToLive(30).startEvent()
                        .serviceTask("Calculer").camundaAsyncBefore().camundaExpression("${resultat}")
                        .userTask("Decider").boundaryEvent("Relance").timerWithDuration("P10D").endEvent("Relancee")
                        .moveToActivity("Decider").endEvent("Fin").done()).deploy().getId();
        String instance = e.getRuntimeService().startProcessInstanceByKey("Essai_JournalJobs", "FDT-2026-0044").getId();
        String job = e.getManagementService().createJobQuery().processInstanceId(instance).singleResult().getId();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> e.getManagementService().executeJob(job)).hasMessageContaining("resultat");
        e.getRuntimeService().setVariable(instance, "resultat", "calculé");
        e.getManagementService().executeJob(job);
        assertThat(e.getManagementService().createJobQuery().processInstanceId(instance).count()).as("le minuteur de relance").isEqualTo(1);
        e.getTaskService().complete(e.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId());

        assertThat(e.getHistoryService().createHistoricJobLogQuery().processInstanceId(instance).list())
                .as("le journal des jobs").singleElement()
                .satisfies(l -> {
                    assertThat(l.isFailureLog()).isTrue();
                    assertThat(l.getJobId()).isEqualTo(job);
                    assertThat(l.getJobExceptionMessage()).contains("resultat");
                });
        assertThat(e.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance).finished().list())
                .extracting(org.camunda.bpm.engine.history.HistoricActivityInstance::getActivityId).contains("Calculer", "Decider", "Fin");
    }
}
