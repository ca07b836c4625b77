package fr.gouv.fabriques.integration;

import static fr.gouv.fabriques.integration.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A deployment through /engine-rest, as the Modeler makes it with an analyst's account, is checked by the
 * project's rules before the engine accepts it (process/deploiement): a model that uses only the project's
 * delegates, variables and exposed beans is deployed; a script, a Java class, an unknown bean, an expression
 * that reaches the engine or a bean not exposed, a called process bound to « latest », are refused with a 400
 * listing the reasons in French, and nothing is deployed.
 */
@IntegrationTest
class DeploiementsSursIT {

    static final String NOM = "Essai des règles de déploiement";

    @Autowired
    RepositoryService repository;
    @Autowired
    ApplicationContext contexte;
    @LocalServerPort
    int port;

    private final List<String> deployes = new ArrayList<>();

    @AfterEach
    void nettoyer() {
        deployes.forEach(id -> repository.deleteDeployment(id, true));
    }

    static String processus(String contenu) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_EssaiRegles" targetNamespace="http://fabriques.gouv.fr/essai">
                  <bpmn:process id="Process_EssaiRegles" name="Essai des règles" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="StartEvent_Debut" />
                    %s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(contenu);
    }

    private Http.Reponse deployer(String bpmn, String... formulaires) {
        List<Http.Fichier> fichiers = new ArrayList<>();
        fichiers.add(new Http.Fichier("essai-regles.bpmn", "application/xml", bpmn.getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < formulaires.length; i++) {
            fichiers.add(new Http.Fichier("essai-regles-" + i + ".form", "application/json", formulaires[i].getBytes(StandardCharsets.UTF_8)));
        }
        Map<String, List<Http.Fichier>> parties = new java.util.LinkedHashMap<>();
        fichiers.forEach(f -> parties.put(f.nom(), List.of(f)));
        Http.Reponse r = new Http(port).postMultipart("/engine-rest/deployment/create", parties,
                Map.of("deployment-name", NOM, "deployment-source", "Camunda Modeler"), basic("analyste"));
        if (r.statut() == 200) {
            deployes.add(r.json().get("id").asText());
        }
        return r;
    }

    private long deploiementsEssai() {
        return repository.createDeploymentQuery().deploymentName(NOM).count();
    }

    @Test
    void unBonModeleEstDeploye() {
        Http.Reponse r = deployer(processus("""
                <bpmn:serviceTask id="ServiceTask_Classer" name="Classer sans suite" camunda:delegateExpression="#{classerSansSuiteDelegate}" />
                <bpmn:userTask id="UserTask_Saisir" name="Saisir" camunda:formRef="Form_EssaiRegles" camunda:formRefBinding="deployment"
                    camunda:candidateGroups="instructeurs" camunda:dueDate="${delais.echeance('traitement')}">
                  <bpmn:extensionElements><camunda:taskListener event="complete" delegateExpression="#{completudeListener}" /></bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:callActivity id="CallActivity_Soi" name="Soi-même" calledElement="Process_EssaiRegles" camunda:calledElementBinding="deployment">
                  <bpmn:extensionElements><camunda:in businessKey="#{execution.processBusinessKey}" /></bpmn:extensionElements>
                </bpmn:callActivity>
                <bpmn:sequenceFlow id="Flow_Eligible" sourceRef="StartEvent_Debut" targetRef="ServiceTask_Classer">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${eligible}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="Flow_Saisir" sourceRef="ServiceTask_Classer" targetRef="UserTask_Saisir" />
                <bpmn:sequenceFlow id="Flow_Appel" sourceRef="UserTask_Saisir" targetRef="CallActivity_Soi" />
                """), "{\"id\": \"Form_EssaiRegles\", \"components\": [], \"type\": \"default\"}");
        assertThat(r.statut()).as(r.corps()).isEqualTo(200);
        assertThat(repository.createProcessDefinitionQuery().deploymentId(r.json().get("id").asText()).count()).isOne();
    }

    @Test
    void lesMauvaisModelesSontRefusesAvecLeursRaisonsEtRienNEstDeploye() {
        long avant = deploiementsEssai();
        refuse(processus("<bpmn:scriptTask id=\"ScriptTask_Calcul\" name=\"Calcul\" scriptFormat=\"javascript\"><bpmn:script>1 + 1</bpmn:script></bpmn:scriptTask>"),
                "ScriptTask_Calcul", "tâche de script refusée");
        refuse(processus("<bpmn:serviceTask id=\"ServiceTask_Classe\" name=\"Classe\" camunda:class=\"fr.gouv.fabriques.process.instruction.ClasserSansSuiteDelegate\" />"),
                "ServiceTask_Classe", "camunda:class refusé");
        refuse(processus("<bpmn:serviceTask id=\"ServiceTask_Inconnu\" name=\"Inconnu\" camunda:delegateExpression=\"${repositoryService}\" />"),
                "ServiceTask_Inconnu", "délégué « repositoryService » inconnu");
        refuse(processus("""
                <bpmn:userTask id="UserTask_Moteur" name="Moteur"><bpmn:extensionElements>
                  <camunda:taskListener event="create" expression="${execution.getProcessEngineServices().getRepositoryService().deleteDeployment('x')}" />
                </bpmn:extensionElements></bpmn:userTask>"""), "UserTask_Moteur", "seules les méthodes des beans exposés aux modèles");
        refuse(processus("<bpmn:userTask id=\"UserTask_Bean\" name=\"Bean\" camunda:dueDate=\"${jdbcClient.sql('delete from dossier').update()}\" />"),
                "UserTask_Bean", "seules les méthodes des beans exposés aux modèles");
        refuse(processus("<bpmn:callActivity id=\"CallActivity_Dernier\" name=\"Dernier\" calledElement=\"Process_Instruction\" camunda:calledElementBinding=\"latest\" />"),
                "CallActivity_Dernier", "processus appelé « Process_Instruction » lié en « latest »");
        assertThat(deploiementsEssai()).as("rien de déployé").isEqualTo(avant);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("Process_EssaiRegles").count()).isZero();
    }

    @Test
    void unRefusListeTousSesProblemesEnFrancaisAvecLeRapportParRessource() {
        Http.Reponse r = deployer(processus("""
                <bpmn:serviceTask id="ServiceTask_Classe" name="Classe" camunda:class="org.example.Delegue" />
                <bpmn:userTask id="UserTask_Formulaire" name="Formulaire" camunda:formRef="instruire-dossier" camunda:formRefBinding="deployment" />
                """));
        assertThat(r.statut()).as(r.corps()).isEqualTo(400);
        JsonNode json = r.json();
        assertThat(json.get("type").asText()).isEqualTo("DeploiementRefuse");
        assertThat(json.get("message").asText()).startsWith("Déploiement refusé par les règles du projet (2 problèmes) : ")
                .contains("essai-regles.bpmn, « ServiceTask_Classe » : camunda:class refusé")
                .contains("essai-regles.bpmn, « UserTask_Formulaire » : formulaire « instruire-dossier » lié au déploiement mais absent de ce déploiement")
                .endsWith("Rien n'a été déployé.")
                .doesNotContain("ENGINE-", "Exception");
        JsonNode erreurs = json.get("details").get("essai-regles.bpmn").get("errors");
        assertThat(erreurs).hasSize(2);
        assertThat(erreurs.get(0).get("mainElementId").asText()).isEqualTo("ServiceTask_Classe");
    }

    @Test
    void aucuneVariableDesModelesNePorteLeNomDUnBean() {
        // Otherwise an expression reading a variable not set yet would reach that bean.
        assertThat(fr.gouv.fabriques.process.deploiement.ExpressionsDesModeles.VARIABLES).noneMatch(contexte::containsBean);
    }

    private void refuse(String bpmn, String element, String raison) {
        Http.Reponse r = deployer(bpmn);
        assertThat(r.statut()).as(r.corps()).isEqualTo(400);
        assertThat(r.json().get("message").asText()).as(r.corps()).startsWith("Déploiement refusé par les règles du projet")
                .contains("« " + element + " »").contains(raison);
    }
}
