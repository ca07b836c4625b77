package fr.gouv.fabriques.process.commun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * On the process tests' engine (moteur-tests-processus.cfg.xml, the application's plugins): the engine's authorization manager is ours, and it
 * keeps exactly the groups the engine's own keeps, those that hold at least one authorization (doc/adr/0024). That it reads them
 * through the index, not the whole table, is checked on PostgreSQL, where the plan matters (RequetesTachesIT).
 */
class GroupesAutorisesPluginTest extends EssaiSurLeMoteur {

    private final List<String> autorisations = new ArrayList<>();

    @AfterEach
    void retirerAutorisations() {
        AuthorizationService service = moteur.getAuthorizationService();
        autorisations.forEach(service::deleteAuthorization);
        configuration().setAuthorizationEnabled(false);
    }

    @Test
    void lesGroupesGardesSontCeuxQueGardeLeMoteur() {
        accorder("essai-avec", Resources.PROCESS_DEFINITION, "Essai_Groupes");
        accorder("essai-aussi", Resources.TASK, "une-tache");

        List<List<String>> cas = List.of(List.of("essai-sans", "essai-avec"), List.of("essai-avec", "essai-aussi", "essai-avec"),
                List.of("essai-sans"), List.of(), Arrays.asList("essai-aussi", null));
        for (List<String> groupes : cas) {
            List<String> nous = configuration().getCommandExecutorTxRequired().execute(c -> {
                AuthorizationManager manager = c.getAuthorizationManager();
                assertThat(manager).as("le gestionnaire des autorisations du moteur").isInstanceOf(GroupesAutorisesPlugin.ParIndex.class);
                // Asked twice in the same command: the second answer is the first (one read per command, like the engine's).
                assertThat(manager.filterAuthenticatedGroupIds(groupes)).containsExactlyInAnyOrderElementsOf(manager.filterAuthenticatedGroupIds(groupes));
                return manager.filterAuthenticatedGroupIds(groupes);
            });
            List<String> moteurSeul = configuration().getCommandExecutorTxRequired().execute(c -> {
                AuthorizationManager duMoteur = new AuthorizationManager();
                return duMoteur.filterAuthenticatedGroupIds(groupes);
            });
            assertThat(nous).as("groupes gardés parmi " + groupes).containsExactlyInAnyOrderElementsOf(moteurSeul).doesNotHaveDuplicates();
        }
        List<String> deux = configuration().getCommandExecutorTxRequired().execute(
                c -> c.getAuthorizationManager().filterAuthenticatedGroupIds(List.of("essai-avec", "essai-aussi", "essai-sans")));
        assertThat(deux).containsExactlyInAnyOrder("essai-avec", "essai-aussi");
    }

    @Test
    void unCandidatNeVoitLaTacheQueParUnGroupeQuiPorteUneAutorisation() {
        ProcessEngine e = moteur.getProcessEngine();
        deploiement = e.getRepositoryService().createDeployment().addModelInstance("groupes.bpmn",
                Bpmn.createExecutableProcess("Essai_Groupes").camundaHistoryTimeToLive(30).startEvent().userTask("Tache").name("Instruire")
                        .camundaCandidateGroups("essai-avec").endEvent().done()).deploy().getId();
        configuration().setAuthorizationEnabled(true);
        // The engine grants the candidate group its authorization on the task when the task is created.
        e.getRuntimeService().startProcessInstanceByKey("Essai_Groupes");
        configuration().setAuthorizationEnabled(false);
        String tache = e.getTaskService().createTaskQuery().processDefinitionKey("Essai_Groupes").singleResult().getId();
        accorder("essai-avec", Resources.PROCESS_DEFINITION, "Essai_Groupes");
        configuration().setAuthorizationEnabled(true);
        try {
            e.getIdentityService().setAuthentication("essai-agent", List.of("essai-sans", "essai-avec"));
            assertThat(e.getTaskService().createTaskQuery().taskCandidateGroup("essai-avec").list()).extracting(t -> t.getId()).containsExactly(tache);
            e.getIdentityService().setAuthentication("essai-autre", List.of("essai-sans"));
            assertThat(e.getTaskService().createTaskQuery().taskCandidateGroup("essai-avec").list()).as("sans autorisation").isEmpty();
        } finally {
            configuration().setAuthorizationEnabled(false);
            e.getIdentityService().clearAuthentication();
        }
    }

    private void accorder(String groupe, Resources ressource, String id) {
        AuthorizationService service = moteur.getAuthorizationService();
        Authorization a = service.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        a.setGroupId(groupe);
        a.setResource(ressource);
        a.setResourceId(id);
        a.addPermission(Permissions.READ);
        if (ressource == Resources.PROCESS_DEFINITION) {
            a.addPermission(Permissions.READ_TASK);
        }
        autorisations.add(service.saveAuthorization(a).getId());
    }

    private static ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) moteur.getProcessEngine().getProcessEngineConfiguration();
    }
}
