package fr.gouv.fabriques.integration;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gouv.fabriques.process.identite.ComptesDemo;
import fr.gouv.fabriques.process.identite.CompteDemo;
import fr.gouv.fabriques.process.identite.FiltresTasklist;
import fr.gouv.fabriques.process.identite.Groupes;
import fr.gouv.fabriques.process.identite.InitialisationIdentite;
import fr.gouv.fabriques.process.identite.MatriceAutorisations;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Who may do what through the engine REST API, the way Tasklist, Cockpit and the Modeler
 * reach it: over HTTP, with the demo accounts (password « demo »).
 */
@IntegrationTest
class AutorisationsIT {

    private static final String MOT_DE_PASSE = "demo";
    private static final String PROCESSUS_TEST = "Process_TestAutorisations";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;
    @Autowired
    InitialisationIdentite initialisation;

    private static final ObjectMapper JSON = new ObjectMapper();

    private RestClient client;
    private RepositoryService repositoryService;
    private RuntimeService runtimeService;
    private TaskService taskService;
    private IdentityService identityService;
    private AuthorizationService authorizationService;
    private FilterService filterService;
    private String deploiementTest;

    @BeforeEach
    void preparer() {
        client = RestClient.builder()
                .baseUrl("http://localhost:" + port + "/engine-rest")
                .requestFactory(new JdkClientHttpRequestFactory())
                .build();
        repositoryService = engine.getRepositoryService();
        runtimeService = engine.getRuntimeService();
        taskService = engine.getTaskService();
        identityService = engine.getIdentityService();
        authorizationService = engine.getAuthorizationService();
        filterService = engine.getFilterService();
        // Test-only model (src/test/resources/modeles-test), deployed without authentication.
        deploiementTest = repositoryService.createDeployment()
                .name("test-autorisations")
                .addClasspathResource("modeles-test/test-autorisations.bpmn")
                .addClasspathResource("modeles-test/test-autorisations.form")
                .deploy()
                .getId();
    }

    @AfterEach
    void nettoyer() {
        repositoryService.deleteDeployment(deploiementTest, true);
    }

    // (a) ------------------------------------------------------------------------------

    @Test
    void sansIdentifiantsValidesLApiRestRepond401() {
        Reponse anonyme = appeler(HttpMethod.GET, "/task", null, null, null);
        assertThat(anonyme.statut()).isEqualTo(401);
        assertThat(anonyme.entetes().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");

        assertThat(appeler(HttpMethod.GET, "/task", "inconnu", MOT_DE_PASSE, null).statut()).isEqualTo(401);

        // A wrong password counts as a failed login and locks the account for a few
        // seconds: use a throw-away account, not one that other tests log in with.
        String jetable = "testmdp" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        User utilisateur = identityService.newUser(jetable);
        utilisateur.setPassword("Un-b0n-mot-de-passe !");
        identityService.saveUser(utilisateur);
        try {
            assertThat(appeler(HttpMethod.GET, "/task", jetable, "un-mauvais-mot-de-passe", null).statut())
                    .isEqualTo(401);
        } finally {
            identityService.deleteUser(jetable);
        }

        assertThat(appeler(HttpMethod.GET, "/task", "instructeur", MOT_DE_PASSE, null).statut()).isEqualTo(200);
    }

    // (b) ------------------------------------------------------------------------------

    @Test
    void seulsLesAnalystesDeploientDepuisLeModeler() throws IOException {
        String cle = "Process_TestDeploiement_" + UUID.randomUUID().toString().replace("-", "");
        String nom = "test-" + cle;

        for (String agent : List.of("instructeur", "referent-58", "comite", "gestionnaire", "financier")) {
            assertThat(deployer(agent, cle, nom).statut()).as("déploiement par %s", agent).isEqualTo(403);
        }
        assertThat(repositoryService.createDeploymentQuery().deploymentName(nom).count()).isZero();

        // What Camunda Modeler calls: connection check, version, then the deployment.
        assertThat(appeler(HttpMethod.GET, "/deployment?maxResults=0", "analyste", MOT_DE_PASSE, null).statut())
                .isEqualTo(200);
        assertThat(appeler(HttpMethod.GET, "/version", "analyste", MOT_DE_PASSE, null).statut()).isEqualTo(200);
        Reponse deploiement = deployer("analyste", cle, nom);
        assertThat(deploiement.statut()).as(deploiement.corps()).isEqualTo(200);
        String id = deploiement.json().get("id").asText();
        try {
            assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(cle).count())
                    .isEqualTo(1);
        } finally {
            Reponse suppression = appeler(HttpMethod.DELETE, "/deployment/" + id + "?cascade=true",
                    "admin", MOT_DE_PASSE, null);
            assertThat(suppression.statut()).isEqualTo(204);
        }
        assertThat(repositoryService.createDeploymentQuery().deploymentName(nom).count()).isZero();
        assertThat(authorizationService.createAuthorizationQuery()
                .resourceType(Resources.DEPLOYMENT).resourceId(id).count()).isZero();
    }

    // (c) ------------------------------------------------------------------------------

    @Test
    void unInstructeurNeVoitNiNeTraiteLaTacheDUnAutreGroupe() throws IOException {
        ProcessInstance instance = demarrer();
        String tacheInstructeurs = tache(instance, "UserTask_Instructeurs").getId();
        String tacheGestionnaires = tache(instance, "UserTask_Gestionnaires").getId();

        Reponse liste = appeler(HttpMethod.GET, "/task?processInstanceId=" + instance.getId(),
                "instructeur", MOT_DE_PASSE, null);
        assertThat(liste.statut()).isEqualTo(200);
        assertThat(ids(liste.json())).containsExactly(tacheInstructeurs);

        assertThat(appeler(HttpMethod.GET, "/task/" + tacheGestionnaires, "instructeur", MOT_DE_PASSE, null)
                .statut()).isIn(403, 404);
        assertThat(appeler(HttpMethod.GET, "/task/" + tacheGestionnaires + "/deployed-form",
                "instructeur", MOT_DE_PASSE, null).statut()).isIn(403, 404);
        assertThat(appeler(HttpMethod.POST, "/task/" + tacheGestionnaires + "/claim",
                "instructeur", MOT_DE_PASSE, Map.of("userId", "instructeur")).statut()).isIn(403, 404);
        assertThat(appeler(HttpMethod.POST, "/task/" + tacheGestionnaires + "/complete",
                "instructeur", MOT_DE_PASSE, Map.of()).statut()).isIn(403, 404);
        assertThat(taskService.createTaskQuery().taskId(tacheGestionnaires).singleResult().getAssignee()).isNull();

        // What Tasklist needs to render his own task: the task, its Camunda Form, the process name.
        assertThat(appeler(HttpMethod.GET, "/task/" + tacheInstructeurs, "instructeur", MOT_DE_PASSE, null)
                .statut()).isEqualTo(200);
        Reponse formulaire = appeler(HttpMethod.GET, "/task/" + tacheInstructeurs + "/deployed-form",
                "instructeur", MOT_DE_PASSE, null);
        assertThat(formulaire.statut()).isEqualTo(200);
        assertThat(formulaire.json().get("id").asText()).isEqualTo("Form_TestAutorisations");
        Reponse definition = appeler(HttpMethod.GET, "/process-definition/" + instance.getProcessDefinitionId(),
                "instructeur", MOT_DE_PASSE, null);
        assertThat(definition.statut()).isEqualTo(200);
        assertThat(definition.json().get("name").asText()).isEqualTo("Test des autorisations");

        // Gestionnaires read every task (Cockpit) but work only their group's.
        Reponse vueGestionnaire = appeler(HttpMethod.GET, "/task?processInstanceId=" + instance.getId(),
                "gestionnaire", MOT_DE_PASSE, null);
        assertThat(ids(vueGestionnaire.json())).containsExactlyInAnyOrder(tacheInstructeurs, tacheGestionnaires);
        assertThat(appeler(HttpMethod.POST, "/task/" + tacheInstructeurs + "/complete",
                "gestionnaire", MOT_DE_PASSE, Map.of()).statut()).isEqualTo(403);

        // TASK_WORK: claim and complete, not hand the task to someone else.
        assertThat(appeler(HttpMethod.POST, "/task/" + tacheInstructeurs + "/claim",
                "instructeur", MOT_DE_PASSE, Map.of("userId", "instructeur")).statut()).isEqualTo(204);
        assertThat(appeler(HttpMethod.POST, "/task/" + tacheInstructeurs + "/assignee",
                "instructeur", MOT_DE_PASSE, Map.of("userId", "instructeur2")).statut()).isEqualTo(403);
        Map<String, Object> variables = Map.of("variables", Map.of("avis", Map.of("value", "favorable")));
        assertThat(appeler(HttpMethod.POST, "/task/" + tacheInstructeurs + "/submit-form",
                "instructeur", MOT_DE_PASSE, variables).statut()).isIn(200, 204);
        assertThat(appeler(HttpMethod.POST, "/task/" + tacheGestionnaires + "/complete",
                "gestionnaire", MOT_DE_PASSE, Map.of()).statut()).isEqualTo(204);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    // (d) ------------------------------------------------------------------------------

    @Test
    void cockpitEstOuvertAuxGestionnairesEtAnalystesEtAuComitePourLePilotageSeul() throws IOException {
        ProcessInstance instance = demarrer();
        String parCle = "/process-instance?businessKey=" + instance.getBusinessKey();

        Reponse gestionnaire = appeler(HttpMethod.GET, parCle, "gestionnaire", MOT_DE_PASSE, null);
        assertThat(gestionnaire.statut()).isEqualTo(200);
        assertThat(ids(gestionnaire.json())).containsExactly(instance.getId());
        assertThat(ids(appeler(HttpMethod.GET, parCle, "instructeur", MOT_DE_PASSE, null).json())).isEmpty();
        assertThat(ids(appeler(HttpMethod.GET, "/history/process-instance?processInstanceBusinessKey="
                + instance.getBusinessKey(), "instructeur", MOT_DE_PASSE, null).json())).isEmpty();

        assertThat(accesApplication("instructeur", "cockpit")).isFalse();
        assertThat(accesApplication("referent-58", "cockpit")).isFalse();
        assertThat(accesApplication("financier", "cockpit")).isFalse();
        assertThat(accesApplication("gestionnaire", "cockpit")).isTrue();
        assertThat(accesApplication("analyste", "cockpit")).isTrue();
        // The committee opens Cockpit for the « Programme » page only: no instance is readable there.
        assertThat(accesApplication("comite", "cockpit")).isTrue();
        assertThat(ids(appeler(HttpMethod.GET, parCle, "comite", MOT_DE_PASSE, null).json())).isEmpty();
        assertThat(accesApplication("instructeur", "tasklist")).isTrue();
        assertThat(accesApplication("gestionnaire", "tasklist")).isTrue();
        assertThat(accesApplication("analyste", "tasklist")).isFalse();
        assertThat(accesApplication("gestionnaire", "admin")).isFalse();
        assertThat(accesApplication("admin", "admin")).isTrue();
    }

    // (e) ------------------------------------------------------------------------------

    @Test
    void chaqueAgentVoitLesFiltresDeSonRole() throws IOException {
        assertThat(filterService.createFilterQuery().filterName(FiltresTasklist.FILTRE_DU_STARTER).count()).isZero();
        for (String nom : List.of(FiltresTasklist.MES_TACHES, FiltresTasklist.TACHES_DE_MON_GROUPE,
                FiltresTasklist.INSTRUCTION, FiltresTasklist.COMITE, FiltresTasklist.CONVENTION,
                FiltresTasklist.VERSEMENTS_ET_BILANS)) {
            assertThat(filterService.createFilterQuery().filterName(nom).count()).as(nom).isEqualTo(1);
        }

        Map<String, JsonNode> instructeur = filtresVisibles("instructeur");
        assertThat(instructeur.keySet()).containsExactlyInAnyOrder(FiltresTasklist.MES_TACHES,
                FiltresTasklist.TACHES_DE_MON_GROUPE, FiltresTasklist.INSTRUCTION,
                FiltresTasklist.VERSEMENTS_ET_BILANS);
        assertThat(filtresVisibles("referent-58").keySet()).containsExactlyInAnyOrder(FiltresTasklist.MES_TACHES,
                FiltresTasklist.TACHES_DE_MON_GROUPE, FiltresTasklist.INSTRUCTION);
        assertThat(filtresVisibles("comite").keySet()).filteredOn(n -> !n.startsWith("Comité — vague"))
                .containsExactlyInAnyOrder(FiltresTasklist.MES_TACHES, FiltresTasklist.TACHES_DE_MON_GROUPE, FiltresTasklist.COMITE);
        assertThat(filtresVisibles("financier").keySet()).containsExactlyInAnyOrder(FiltresTasklist.MES_TACHES,
                FiltresTasklist.TACHES_DE_MON_GROUPE, FiltresTasklist.VERSEMENTS_ET_BILANS);
        // Plus the filter of each wave whose committee is deciding (other tests' waves), for the committee and the managers only.
        assertThat(filtresVisibles("gestionnaire").keySet()).filteredOn(n -> !n.startsWith("Comité — vague")).hasSize(6);
        assertThat(filtresVisibles("analyste")).isEmpty();

        JsonNode proprietes = instructeur.get(FiltresTasklist.MES_TACHES).get("properties");
        assertThat(proprietes.get("refresh").asBoolean()).isTrue();
        assertThat(proprietes.get("description").asText()).isNotBlank();
        assertThat(proprietes.get("priority").asInt()).isEqualTo(10);
        Map<String, String> colonnes = new LinkedHashMap<>();
        proprietes.get("variables").forEach(v -> colonnes.put(v.get("name").asText(), v.get("label").asText()));
        assertThat(colonnes).containsExactly(Map.entry("numero", "Dossier"), Map.entry("structure", "Structure"),
                Map.entry("categorie", "Catégorie"), Map.entry("vague", "Vague"));

        // The group filter lists the instructeurs' task of a new instance, not the gestionnaires' one.
        ProcessInstance instance = demarrer();
        String idFiltre = instructeur.get(FiltresTasklist.TACHES_DE_MON_GROUPE).get("id").asText();
        Reponse aPrendre = appeler(HttpMethod.GET, "/filter/" + idFiltre + "/list?maxResults=1000",
                "instructeur", MOT_DE_PASSE, null);
        assertThat(aPrendre.statut()).isEqualTo(200);
        assertThat(ids(aPrendre.json()))
                .contains(tache(instance, "UserTask_Instructeurs").getId())
                .doesNotContain(tache(instance, "UserTask_Gestionnaires").getId());
    }

    // (f) ------------------------------------------------------------------------------

    @Test
    void relancerLInitialisationNeDupliqueRien() {
        Map<String, Long> avant = inventaire();
        initialisation.appliquer(engine);
        initialisation.appliquer(engine);
        assertThat(inventaire()).isEqualTo(avant);

        // Exactly one GRANT row per rule of the matrix, holding its permissions.
        MatriceAutorisations.regles().forEach(regle -> {
            List<Authorization> lignes = authorizationService.createAuthorizationQuery()
                    .authorizationType(Authorization.AUTH_TYPE_GRANT)
                    .groupIdIn(regle.groupe())
                    .resourceType(regle.ressource())
                    .resourceId(regle.idRessource())
                    .list();
            assertThat(lignes).as("%s", regle).hasSize(1);
            regle.permissions().forEach(p -> assertThat(lignes.get(0).isPermissionGranted(p)).as("%s", regle).isTrue());
        });
        assertThat(identityService.createGroupQuery().count()).isGreaterThanOrEqualTo(Groupes.tous().size());
    }

    @Test
    void relancerLInitialisationCorrigeCeQuiADerive() throws IOException {
        Filter instruction = filterService.createFilterQuery().filterName(FiltresTasklist.INSTRUCTION).singleResult();
        try {
            Map<String, Object> proprietes = new HashMap<>(instruction.getProperties());
            proprietes.put("priority", 999);
            instruction.setProperties(proprietes);
            instruction.setQuery(taskService.createTaskQuery().processDefinitionKey("Process_Autre"));
            filterService.saveFilter(instruction);
            authorizationService.createAuthorizationQuery().groupIdIn(Groupes.INSTRUCTEURS)
                    .resourceType(Resources.FILTER).resourceId(instruction.getId()).list()
                    .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
            Authorization intrus = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            intrus.setGroupId(Groupes.COMITE_SELECTION);
            intrus.setResource(Resources.FILTER);
            intrus.setResourceId(instruction.getId());
            intrus.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(intrus);
            identityService.deleteMembership("instructeur", Groupes.INSTRUCTEURS);
        } finally {
            initialisation.appliquer(engine);
        }

        Filter corrige = filterService.getFilter(instruction.getId());
        assertThat(corrige.getProperties()).containsEntry("priority", 30);
        JsonNode requete = appeler(HttpMethod.GET, "/filter/" + corrige.getId(), "admin", MOT_DE_PASSE, null)
                .json().get("query");
        assertThat(requete.has("processDefinitionKey")).as(requete.toString()).isFalse();
        assertThat(requete.get("processDefinitionKeyIn").toString()).isEqualTo("[\"Process_Instruction\"]");
        assertThat(lecteursDuFiltre(corrige.getId())).containsExactlyInAnyOrder(
                Groupes.INSTRUCTEURS, Groupes.REFERENTS_TERRITORIAUX, Groupes.GESTIONNAIRES);
        assertThat(identityService.createUserQuery().userId("instructeur").memberOfGroup(Groupes.INSTRUCTEURS)
                .count()).isEqualTo(1);
    }

    // ----------------------------------------------------------------------------------

    private Map<String, Long> inventaire() {
        Map<String, Long> inventaire = new LinkedHashMap<>();
        inventaire.put("groupes", identityService.createGroupQuery().count());
        inventaire.put("utilisateurs", identityService.createUserQuery().count());
        inventaire.put("autorisations", authorizationService.createAuthorizationQuery().count());
        inventaire.put("filtres", filterService.createFilterQuery().count());
        long adhesions = 0;
        for (CompteDemo compte : ComptesDemo.TOUS) {
            adhesions += identityService.createGroupQuery().groupMember(compte.id()).count();
        }
        inventaire.put("adhesions", adhesions);
        return inventaire;
    }

    private Set<String> lecteursDuFiltre(String idFiltre) {
        return authorizationService.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .resourceType(Resources.FILTER).resourceId(idFiltre).list().stream()
                .filter(a -> a.getGroupId() != null && a.isPermissionGranted(Permissions.READ))
                .map(Authorization::getGroupId)
                .collect(Collectors.toSet());
    }

    private ProcessInstance demarrer() {
        return runtimeService.startProcessInstanceByKey(PROCESSUS_TEST, "TEST-AUTORISATIONS-" + UUID.randomUUID());
    }

    private Task tache(ProcessInstance instance, String activite) {
        return taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(activite).singleResult();
    }

    private boolean accesApplication(String utilisateur, String application) throws IOException {
        Reponse reponse = appeler(HttpMethod.GET, "/authorization/check?permissionName=ACCESS"
                + "&resourceName=application&resourceType=0&resourceId=" + application, utilisateur, MOT_DE_PASSE, null);
        assertThat(reponse.statut()).isEqualTo(200);
        return reponse.json().get("authorized").asBoolean();
    }

    private Map<String, JsonNode> filtresVisibles(String utilisateur) throws IOException {
        Reponse reponse = appeler(HttpMethod.GET, "/filter?resourceType=Task", utilisateur, MOT_DE_PASSE, null);
        assertThat(reponse.statut()).isEqualTo(200);
        Map<String, JsonNode> parNom = new LinkedHashMap<>();
        reponse.json().forEach(f -> parNom.put(f.get("name").asText(), f));
        return parNom;
    }

    private Reponse deployer(String utilisateur, String cle, String nom) {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Test"
                    targetNamespace="http://fabriques.gouv.fr/test">
                  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="StartEvent_Debut" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(cle);
        MultiValueMap<String, Object> parties = new LinkedMultiValueMap<>();
        parties.add("deployment-name", nom);
        parties.add("deployment-source", "Camunda Modeler");
        parties.add("deploy-changed-only", "true");
        parties.add(cle + ".bpmn", new ByteArrayResource(bpmn.getBytes(UTF_8)) {
            @Override
            public String getFilename() {
                return cle + ".bpmn";
            }
        });
        return client.post().uri("/deployment/create")
                .headers(h -> h.setBasicAuth(utilisateur, MOT_DE_PASSE))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parties)
                .exchange((requete, reponse) -> new Reponse(reponse.getStatusCode().value(),
                        new String(reponse.getBody().readAllBytes(), UTF_8), reponse.getHeaders()));
    }

    private Reponse appeler(HttpMethod methode, String chemin, String utilisateur, String motDePasse, Object corps) {
        RestClient.RequestBodySpec requete = client.method(methode)
                .uri(chemin)
                .accept(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    if (utilisateur != null) {
                        h.setBasicAuth(utilisateur, motDePasse, UTF_8);
                    }
                });
        if (corps != null) {
            requete.contentType(MediaType.APPLICATION_JSON).body(corps);
        }
        return requete.exchange((req, reponse) -> new Reponse(reponse.getStatusCode().value(),
                new String(reponse.getBody().readAllBytes(), UTF_8), reponse.getHeaders()));
    }

    private static List<String> ids(JsonNode tableau) {
        assertThat(tableau.isArray()).as(tableau.toString()).isTrue();
        return StreamSupport.stream(tableau.spliterator(), false)
                .map(element -> element.get("id").asText())
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private record Reponse(int statut, String corps, HttpHeaders entetes) {
        JsonNode json() throws IOException {
            return JSON.readTree(corps);
        }
    }
}
