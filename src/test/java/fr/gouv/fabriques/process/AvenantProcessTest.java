package fr.gouv.fabriques.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import fr.gouv.fabriques.process.avenant.AvenantProcess;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/** Every path of bpmn/avenant.bpmn: applied, rejected at validation, lapsed without the laureate's signature. */
@Deployment(resources = {"bpmn/avenant.bpmn"})
class AvenantProcessTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension MOTEUR = CouvertureProcessus.auMoins(0.95);

    static final String NUMERO = "FDT-2026-0009";
    ProcessEngine processEngine;
    ProcessusFictifs fictifs;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        fictifs = new ProcessusFictifs();
    }

    private ProcessInstance proposer() {
        Map<String, Object> v = ProcessusFictifs.dossier(NUMERO, "58");
        v.put(AvenantProcess.VAR_NUMERO_AVENANT, 1);
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(AvenantProcess.CLE, NUMERO, v);
        assertThat(pi).isWaitingAt(AvenantProcess.TACHE_VALIDER);
        return pi;
    }

    private Task tache(String cle) {
        Task t = taskQuery().processInstanceBusinessKey(NUMERO).taskDefinitionKey(cle).singleResult();
        Assertions.assertThat(t).as("tâche " + cle).isNotNull();
        return t;
    }

    private void valider(boolean valide) {
        fictifs.quandEcouteur("validationAvenantListener", "complete",
                t -> t.getExecution().setVariable(AvenantProcess.VAR_AVENANT_VALIDE, valide));
        complete(tache(AvenantProcess.TACHE_VALIDER));
    }

    @Test
    void valideSigneParLePorteurPuisParLEtatLAvenantEstApplique() {
        ProcessInstance pi = proposer();
        valider(true);
        // The PDF is drawn in the background (asynchronous service task).
        assertThat(pi).isWaitingAt(AvenantProcess.TACHE_ETABLIR);
        execute(jobQuery().activityId(AvenantProcess.TACHE_ETABLIR).singleResult());
        assertThat(pi).isWaitingAt(AvenantProcess.ATTENTE_SIGNATURE_PORTEUR);
        runtimeService().createMessageCorrelation(AvenantProcess.MESSAGE_SIGNATURE_PORTEUR).processInstanceBusinessKey(NUMERO).correlate();
        assertThat(pi).isWaitingAt(AvenantProcess.TACHE_SIGNER_ETAT);
        complete(tache(AvenantProcess.TACHE_SIGNER_ETAT));
        assertThat(pi).isEnded().hasPassed(AvenantProcess.TACHE_APPLIQUER, AvenantProcess.FIN_APPLIQUE);
        Assertions.assertThat(fictifs.appels).containsSubsequence("validationAvenantListener:complete", "etablirAvenantDelegate",
                "signatureAvenantEtatListener:complete", "appliquerAvenantDelegate");
    }

    @Test
    void rejeteALaValidationLAvenantPrendFin() {
        ProcessInstance pi = proposer();
        valider(false);
        assertThat(pi).isEnded().hasPassed(AvenantProcess.FIN_REJETE).hasNotPassed(AvenantProcess.TACHE_ETABLIR);
    }

    @Test
    void nonSigneParLePorteurDansLeDelaiLAvenantEstCaduc() {
        ProcessInstance pi = proposer();
        valider(true);
        execute(jobQuery().activityId(AvenantProcess.TACHE_ETABLIR).singleResult());
        execute(jobQuery().activityId(AvenantProcess.DELAI_SIGNATURE).singleResult());
        assertThat(pi).isEnded().hasPassed(AvenantProcess.TACHE_CADUCITE, AvenantProcess.FIN_CADUC)
                .hasNotPassed(AvenantProcess.TACHE_SIGNER_ETAT, AvenantProcess.TACHE_APPLIQUER);
    }

    @Test
    void lesTachesVontAuxGestionnaires() {
        proposer();
        Assertions.assertThat(taskQuery().taskCandidateGroup("gestionnaires").processInstanceBusinessKey(NUMERO).count()).isEqualTo(1);
    }
}
