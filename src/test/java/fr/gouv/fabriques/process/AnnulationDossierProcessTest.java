package fr.gouv.fabriques.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/** bpmn/annulation-dossier.bpmn: one validation task for the gestionnaires, its listener on complete. */
@Deployment(resources = "bpmn/annulation-dossier.bpmn")
class AnnulationDossierProcessTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension MOTEUR = CouvertureProcessus.auMoins(0.95);

    ProcessEngine processEngine;
    ProcessusFictifs fictifs;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        fictifs = new ProcessusFictifs();
    }

    @Test
    void unSecondGestionnaireValideLAnnulation() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("Process_AnnulationDossier", "FDT-2026-0007",
                Map.of("numero", "FDT-2026-0007"));
        assertThat(pi).isWaitingAt("UserTask_ValiderAnnulation");
        assertThat(task()).hasCandidateGroup("gestionnaires").hasFormKey(null);
        complete(task());
        assertThat(pi).isEnded().hasPassed("EndEvent_AnnulationDecidee");
        Assertions.assertThat(fictifs.appels).contains("validationAnnulationListener:complete");
    }
}
