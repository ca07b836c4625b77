package fr.gouv.fabriques.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.gouv.fabriques.domain.ErreurMetier;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/** Every path of bpmn/comite-vague.bpmn: deadline or early close, carry-over, deliberation, publication or return. */
@Deployment(resources = "bpmn/comite-vague.bpmn")
class ComiteVagueProcessTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension MOTEUR = CouvertureProcessus.auMoins(0.95);

    static final Date LIMITE = Date.from(Instant.parse("2030-03-30T21:59:59Z"));
    ProcessEngine processEngine;
    ProcessusFictifs fictifs;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        fictifs = new ProcessusFictifs();
    }

    private ProcessInstance ouvrir() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("Process_ComiteVague", "FDT-2030-03",
                Map.of("vague", "FDT-2030-03", "appel", "FABRIQUES_TERRITOIRE", "dateLimite", LIMITE));
        assertThat(pi).isWaitingAt("Gateway_AttenteCloture");
        return pi;
    }

    @Test
    void laDateLimiteDemarreLeComite() {
        ProcessInstance pi = ouvrir();
        Assertions.assertThat(job().getDuedate()).isEqualTo(LIMITE);
        execute(job());
        assertThat(pi).hasPassed("ServiceTask_CloturerVague").isWaitingAt("UserTask_PreparerSeance");
        assertThat(task()).hasCandidateGroup("gestionnaires").hasName("Préparer la séance — vague FDT-2030-03");
        // Due when the committee sits (its date, read by the echeancesComite bean).
        Assertions.assertThat(task().getDueDate()).isEqualTo(ProcessusFictifs.SEANCE);
        Assertions.assertThat(fictifs.appels).containsExactly("cloturerVagueDelegate");
    }

    @Test
    void unGestionnairePeutClotureAvantLaDateLimite() {
        ProcessInstance pi = ouvrir();
        runtimeService().createMessageCorrelation("ClotureVague").processInstanceBusinessKey("FDT-2030-03").correlate();
        assertThat(pi).hasPassed("MessageEvent_ClotureAnticipee", "ServiceTask_CloturerVague").isWaitingAt("UserTask_PreparerSeance");
        Assertions.assertThat(BpmnAwareTests.managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    /** Closes the wave, prepares the session; the decision tasks are created by a job. */
    private ProcessInstance jusquAuComite(String... numeros) {
        fictifs.ordreDuJour.addAll(List.of(numeros));
        ProcessInstance pi = ouvrir();
        execute(job());
        complete(task());
        assertThat(pi).isWaitingAt("UserTask_DeciderDossier#multiInstanceBody");
        execute(job());
        return pi;
    }

    private List<Task> decisions() {
        return taskService().createTaskQuery().taskDefinitionKey("UserTask_DeciderDossier").list();
    }

    /** A decision task's completion ends in a job (asyncAfter): the multi-instance join runs there, retried on conflict. */
    private void decider(Task t) {
        taskService().complete(t.getId());
        for (Job j : BpmnAwareTests.managementService().createJobQuery().executable().list()) {
            BpmnAwareTests.managementService().executeJob(j.getId());
        }
    }

    @Test
    void uneTacheDeDecisionParDossierDeLOrdreDuJourPuisLeGestionnairePublie() {
        ProcessInstance pi = jusquAuComite("FDT-2030-0001", "FDT-2030-0002", "FDT-2030-0003");
        List<Task> decisions = decisions();
        Assertions.assertThat(decisions).hasSize(3);
        decisions.forEach(t -> assertThat(t).hasCandidateGroup("comite-selection"));
        decisions.forEach(t -> Assertions.assertThat(t.getDueDate()).isEqualTo(ProcessusFictifs.FIN_SEANCE));
        Assertions.assertThat(decisions.stream().map(t -> taskService().getVariableLocal(t.getId(), "numero")))
                .containsExactlyInAnyOrder("FDT-2030-0001", "FDT-2030-0002", "FDT-2030-0003");
        Assertions.assertThat(fictifs.appels).contains("filtreSeanceListener:take", "decisionDossierListener:create");
        decisions.forEach(this::decider);
        assertThat(pi).isWaitingAt("UserTask_ArreterDecisions");
        assertThat(task()).hasCandidateGroup("gestionnaires");
        complete(task(), withVariables("decisionsArretees", true));
        assertThat(pi).isWaitingAt("ServiceTask_PublierDecisions");
        execute(job());
        assertThat(pi).isEnded().hasPassed("ServiceTask_PublierDecisions", "EndEvent_VagueDeliberee");
        Assertions.assertThat(fictifs.appels).contains("decisionDossierListener:complete", "arretDecisionsListener:complete",
                "publierDecisionsDelegate");
    }

    @Test
    void uneVagueSansDossierInstruitVaDirectementALArret() {
        ProcessInstance pi = jusquAuComite();
        assertThat(pi).isWaitingAt("UserTask_ArreterDecisions");
    }

    @Test
    void desDecisionsRenvoyeesRetournentAuComiteAvecUneTacheParDossier() {
        ProcessInstance pi = jusquAuComite("FDT-2030-0001", "FDT-2030-0002");
        decisions().forEach(this::decider);
        complete(task(), withVariables("decisionsArretees", false));
        assertThat(pi).isWaitingAt("UserTask_DeciderDossier#multiInstanceBody");
        execute(job());
        Assertions.assertThat(decisions()).hasSize(2);
    }

    @Test
    void unePublicationRefuseeEnTacheDeFondRevientAuGestionnaire() {
        fictifs.quand("publierDecisionsDelegate", e -> {
            throw new org.camunda.bpm.engine.delegate.BpmnError("PublicationRefusee", "quota dépassé");
        });
        ProcessInstance pi = jusquAuComite("FDT-2030-0001");
        decisions().forEach(this::decider);
        complete(task(), withVariables("decisionsArretees", true));
        execute(job());
        assertThat(pi).hasPassed("BoundaryEvent_PublicationRefusee").isWaitingAt("UserTask_ArreterDecisions");
    }

    @Test
    void unePublicationQuiDepasseraitUnQuotaEstRefuseeEtLaTacheResteOuverte() {
        fictifs.quandEcouteur("arretDecisionsListener", "complete", tache -> {
            throw new ErreurMetier("decisions", "Publication refusée : le quota de la catégorie QPV serait dépassé : 118 + 5 = 123 pour un quota de 120.");
        });
        ProcessInstance pi = jusquAuComite("FDT-2030-0001");
        decisions().forEach(this::decider);
        String id = task().getId();
        Assertions.assertThatThrownBy(() -> taskService().complete(id, withVariables("decisionsArretees", true)))
                .hasMessageContaining("quota de la catégorie QPV");
        assertThat(pi).isWaitingAt("UserTask_ArreterDecisions");
        Assertions.assertThat(task().getId()).isEqualTo(id);
    }
}
