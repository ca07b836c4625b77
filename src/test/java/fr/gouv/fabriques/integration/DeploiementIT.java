package fr.gouv.fabriques.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The files analysts edit in bpmn/ and forms/ are exactly what the application deploys; the probes answer. */
@IntegrationTest
class DeploiementIT {

    @Autowired
    RepositoryService repository;
    @LocalServerPort
    int port;

    @Test
    void chaqueFichierDeBpmnEtFormsEstDeploye() throws IOException {
        Set<String> attendus = new HashSet<>();
        for (String dossier : List.of("bpmn", "forms")) {
            try (Stream<Path> fichiers = Files.list(Path.of(dossier))) {
                // Files only: bpmn/.camunda holds the Modeler's element templates, not deployed.
                fichiers.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).forEach(attendus::add);
            }
        }
        assertThat(attendus).contains("dossier.bpmn", "eligibilite.dmn", "instruire-dossier.form");

        Set<String> deployes = new HashSet<>();
        for (Deployment d : repository.createDeploymentQuery().list()) {
            for (Resource r : repository.getDeploymentResources(d.getId())) {
                deployes.add(Path.of(r.getName()).getFileName().toString());
            }
        }
        assertThat(deployes).containsAll(attendus);
        assertThat(repository.createProcessDefinitionQuery().latestVersion().list())
                .extracting(pd -> pd.getKey())
                .contains("Process_Dossier", "Process_Instruction", "Process_DecisionComite", "Process_Convention",
                        "Process_VersementAnnuel", "Process_BilanAnnuel");
        assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("Decision_Eligibilite").count()).isPositive();
    }

    @Test
    void lesSondesDeVieEtDePreparationRepondent() {
        Http http = new Http(port);
        for (String sonde : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            Http.Reponse r = http.get(sonde, Map.of());
            assertThat(r.statut()).as(sonde).isEqualTo(200);
            assertThat(r.json().get("status").asText()).isEqualTo("UP");
        }
    }
}
