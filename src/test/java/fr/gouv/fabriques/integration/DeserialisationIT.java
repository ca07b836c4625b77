package fr.gouv.fabriques.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Object variables are read back only for allowed classes (Spin/Jackson with the engine's type
 * validation): the application's own (the payment years, an ArrayList of Integer) still work; a
 * variable forged through /engine-rest with another class is never turned into that object (and the
 * refusal names the class in the log only).
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class DeserialisationIT {

    private static final String PROCESSUS = "Process_TestDeserialisation";
    /** Harmless, and Jackson builds it happily from a number: only the allow-list stops it. */
    private static final String CLASSE_INTERDITE = "java.util.concurrent.atomic.AtomicLong";
    /** More than 10 characters: Spin's error message cuts the JSON at 10 (and fails on shorter ones). */
    private static final String VALEUR = "123456789012345";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

    Http http;
    RuntimeService runtime;
    String deploiement;
    String instance;

    @BeforeEach
    void demarrer() {
        http = new Http(port);
        runtime = engine.getRuntimeService();
        deploiement = engine.getRepositoryService().createDeployment().name("test-deserialisation")
                .addModelInstance("test-deserialisation.bpmn", Bpmn.createExecutableProcess(PROCESSUS)
                        .camundaHistoryTimeToLive(1).startEvent().userTask("UserTask_Attendre").endEvent().done())
                .deploy().getId();
        instance = runtime.startProcessInstanceByKey(PROCESSUS).getId();
    }

    @AfterEach
    void nettoyer() {
        engine.getRepositoryService().deleteDeployment(deploiement, true);
    }

    @Test
    void lesAnneesDeVersementSeRelisent() {
        // As EtablirEcheancierDelegate stores them (default serialization format of the application).
        runtime.setVariable(instance, "annees", new ArrayList<>(List.of(1, 2, 3)));
        ObjectValue lu = runtime.getVariableTyped(instance, "annees", false);
        assertThat(lu.getSerializationDataFormat()).isEqualTo(Variables.SerializationDataFormats.JSON.getName());
        assertThat(runtime.getVariable(instance, "annees")).isEqualTo(List.of(1, 2, 3));

        Http.Reponse parRest = http.get("/engine-rest/process-instance/" + instance + "/variables/annees", Http.basic("admin"));
        assertThat(parRest.statut()).as(parRest.corps()).isEqualTo(200);
        assertThat(parRest.json().get("value").toString()).isEqualTo("[1,2,3]");
    }

    @Test
    void uneVariableObjetDUneClasseNonAutoriseeEstRefusee(CapturedOutput journal) {
        Http.Reponse pose = http.envoyer("PUT", "/engine-rest/process-instance/" + instance + "/variables/forgee",
                Http.texte(Map.of("value", VALEUR, "type", "Object", "valueInfo",
                        Map.of("objectTypeName", CLASSE_INTERDITE, "serializationDataFormat", "application/json"))),
                "application/json", Http.basic("admin"));
        if (pose.statut() / 100 == 2) {
            // Stored as text, never read as the object: neither by REST nor by the engine's Java API.
            Http.Reponse lu = http.get("/engine-rest/process-instance/" + instance + "/variables/forgee", Http.basic("admin"));
            assertThat(lu.statut()).as(lu.corps()).isGreaterThanOrEqualTo(400);
            refusEnFrancais(lu, journal);
            assertThatThrownBy(() -> runtime.getVariable(instance, "forgee")).hasMessageContaining(CLASSE_INTERDITE);
        } else {
            assertThat(pose.statut()).as(pose.corps()).isBetween(400, 499);
            refusEnFrancais(pose, journal);
            assertThat(runtime.getVariables(instance)).doesNotContainKey("forgee");
        }
        // The same value, forged from Java (a delegate, a script), is refused as well when read.
        runtime.setVariable(instance, "forgeeJava", Variables.serializedObjectValue(VALEUR).objectTypeName(CLASSE_INTERDITE)
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        assertThatThrownBy(() -> runtime.getVariable(instance, "forgeeJava")).hasMessageContaining(CLASSE_INTERDITE);
        // The allowed classes still read back from a serialized value.
        runtime.setVariable(instance, "permise", Variables.serializedObjectValue("[4,5]").objectTypeName("java.util.ArrayList<java.lang.Integer>")
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        assertThat(runtime.getVariable(instance, "permise")).isEqualTo(List.of(4, 5));
    }

    @Test
    void uneVariableSerialiseeEnJavaEstRefuseeParLeRest(CapturedOutput journal) {
        Http.Reponse pose = http.envoyer("PUT", "/engine-rest/process-instance/" + instance + "/variables/forgee",
                Http.texte(Map.of("value", "rO0ABXNyABFqYXZhLmxhbmcuSW50ZWdlcg==", "type", "Object", "valueInfo",
                        Map.of("objectTypeName", "java.lang.Integer", "serializationDataFormat", "application/x-java-serialized-object"))),
                "application/json", Http.basic("admin"));
        assertThat(pose.statut()).as(pose.corps()).isBetween(400, 599);
        // The engine's reason is in the log, not in the answer (ErreursRestMoteur).
        assertThat(pose.corps()).doesNotContain("Java serialization");
        assertThat(journal.getOut()).contains("Java serialization");
        assertThat(runtime.getVariables(instance)).doesNotContainKey("forgee");
    }

    /** The engine's reason — the forbidden class — is in the log; the answer is French and names no class (ErreursRestMoteur). */
    private static void refusEnFrancais(Http.Reponse r, CapturedOutput journal) {
        assertThat(r.corps()).doesNotContain(CLASSE_INTERDITE).doesNotContain("Exception");
        assertThat(r.json().get("message").asText()).matches("(?s).*(Requête refusée|Une erreur inattendue).*");
        assertThat(journal.getOut()).contains(CLASSE_INTERDITE);
    }
}
