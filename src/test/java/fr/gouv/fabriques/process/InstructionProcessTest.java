package fr.gouv.fabriques.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/** Every path of bpmn/instruction.bpmn. */
@Deployment(resources = "bpmn/instruction.bpmn")
class InstructionProcessTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension MOTEUR = CouvertureProcessus.auMoins(0.95);

    ProcessEngine processEngine;
    ProcessusFictifs fictifs;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        fictifs = new ProcessusFictifs();
    }

    private ProcessInstance demarrer() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("Process_Instruction", "FDT-2026-0001",
                ProcessusFictifs.dossier("FDT-2026-0001", "58"));
        // Eligibility runs in the transaction that starts the process (the deposit's, doc/adr/0022): no job to wait for.
        assertThat(pi).hasPassed("ServiceTask_VerifierEligibilite");
        org.assertj.core.api.Assertions.assertThat(BpmnAwareTests.jobQuery().count()).isZero();
        return pi;
    }

    @Test
    void dossierCompletAvecAvisInstruitEtValide() {
        ProcessInstance pi = demarrer();
        assertThat(pi).isWaitingAt("UserTask_VerifierCompletude");
        assertThat(task()).hasCandidateGroup("instructeurs").hasName("Vérifier la complétude FDT-2026-0001 — La Fabrique du Val");
        org.assertj.core.api.Assertions.assertThat(task().getDueDate()).isNotNull();
        complete(task(), withVariables("dossierComplet", true));

        assertThat(pi).isWaitingAt("UserTask_DonnerAvisTerritorial");
        assertThat(task()).hasCandidateGroup("referents-58");
        candidats().containsExactly("referents-58");
        complete(task());

        assertThat(pi).isWaitingAt("UserTask_InstruireDossier");
        assertThat(task()).hasCandidateGroup("instructeurs");
        complete(task());
        assertThat(pi).isWaitingAt("UserTask_ValiderProposition");
        assertThat(task()).hasCandidateGroup("gestionnaires");
        complete(task(), withVariables("propositionValidee", true, "issueInstruction", "INSTRUIT"));

        assertThat(pi).isEnded().hasPassed("EndEvent_DossierInstruit").variables().containsEntry("issueInstruction", "INSTRUIT");
        org.assertj.core.api.Assertions.assertThat(fictifs.appels).containsExactly("verifierEligibiliteDelegate",
                "completudeListener:complete", "avisTerritorialListener:complete",
                "instructionListener:complete", "validationPropositionListener:complete");
    }

    @Test
    void dossierIneligibleEstIrrecevable() {
        fictifs.quand("verifierEligibiliteDelegate", e -> {
            e.setVariable("eligible", false);
            e.setVariable("issueInstruction", "IRRECEVABLE");
        });
        ProcessInstance pi = demarrer();
        assertThat(pi).isEnded().hasPassed("EndEvent_DossierIrrecevable").hasNotPassed("UserTask_VerifierCompletude");
    }

    @Test
    void dossierIncompletPuisComplete() {
        ProcessInstance pi = demarrer();
        complete(task(), withVariables("dossierComplet", false));
        assertThat(pi).isWaitingAt("ReceiveTask_AttendreComplements");
        runtimeService().createMessageCorrelation("ComplementsRecus").processInstanceBusinessKey("FDT-2026-0001").correlate();
        assertThat(pi).isWaitingAt("UserTask_VerifierCompletude");
        complete(task(), withVariables("dossierComplet", true));
        assertThat(pi).isWaitingAt("UserTask_DonnerAvisTerritorial");
    }

    @Test
    void sansReponseDansLeDelaiLeDossierEstClasseSansSuite() {
        ProcessInstance pi = demarrer();
        java.time.Instant maintenant = java.time.Instant.parse("2030-02-01T09:00:00Z");
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(maintenant));
        try {
            complete(task(), withVariables("dossierComplet", false));
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
        assertThat(pi).isWaitingAt("ReceiveTask_AttendreComplements");
        org.assertj.core.api.Assertions.assertThat(job().getDuedate())
                .isEqualTo(java.util.Date.from(maintenant.plus(java.time.Duration.ofDays(15))));
        execute(job());
        assertThat(pi).isEnded().hasPassed("ServiceTask_ClasserSansSuite", "EndEvent_DossierClasseSansSuite")
                .variables().containsEntry("issueInstruction", "SANS_SUITE");
    }

    @Test
    void sansAvisDansLeDelaiLInstructionSePoursuitEtLAbsenceEstConstatee() {
        ProcessInstance pi = demarrer();
        complete(task(), withVariables("dossierComplet", true));
        assertThat(pi).isWaitingAt("UserTask_DonnerAvisTerritorial");
        execute(job());
        assertThat(pi).hasPassed("ServiceTask_ConstaterAbsenceAvis").isWaitingAt("UserTask_InstruireDossier");
        org.assertj.core.api.Assertions.assertThat(fictifs.appels).contains("constaterAbsenceAvisDelegate");
    }

    @Test
    void propositionARevoirRetourneALInstructeur() {
        ProcessInstance pi = demarrer();
        complete(task(), withVariables("dossierComplet", true));
        complete(task());
        complete(task());
        complete(task(), withVariables("propositionValidee", false));
        assertThat(pi).isWaitingAt("UserTask_InstruireDossier");
        complete(task());
        complete(task(), withVariables("propositionValidee", true, "issueInstruction", "INSTRUIT"));
        assertThat(pi).isEnded().hasPassed("EndEvent_DossierInstruit");
    }

    @Test
    void laValidationParLInstructeurLuiMemeEstRefuseeEtLaTacheResteOuverte() {
        fictifs.quandEcouteur("validationPropositionListener", "complete", tache -> {
            throw new fr.gouv.fabriques.domain.ErreurMetier("validation", "Principe des quatre yeux : une autre personne doit valider.");
        });
        ProcessInstance pi = demarrer();
        complete(task(), withVariables("dossierComplet", true));
        complete(task());
        complete(task());
        String id = task().getId();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BpmnAwareTests.taskService().complete(id,
                withVariables("propositionValidee", true))).hasMessageContaining("quatre yeux");
        assertThat(pi).isWaitingAt("UserTask_ValiderProposition");
    }

    @Test
    void leReferentDUnAutreDepartementNeRecoitPasLaTache() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("Process_Instruction", "FDT-2026-0002",
                ProcessusFictifs.dossier("FDT-2026-0002", "75"));
        assertThat(pi).isWaitingAt("UserTask_VerifierCompletude");
        complete(task(), withVariables("dossierComplet", true));
        assertThat(pi).isWaitingAt("UserTask_DonnerAvisTerritorial");
        candidats().containsExactly("referents-75");
    }

    private org.assertj.core.api.ListAssert<String> candidats() {
        return org.assertj.core.api.Assertions.assertThat(BpmnAwareTests.taskService().getIdentityLinksForTask(task().getId())
                .stream().filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList());
    }
}
