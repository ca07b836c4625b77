package fr.gouv.fabriques.process.identite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;

/** The security rules of the matrix, readable without an engine. */
class MatriceAutorisationsTest {

    @Test
    void seulsLesAnalystesEtLesAdministrateursDeploient() {
        assertThat(groupesAyant(Resources.DEPLOYMENT, Permissions.CREATE))
                .containsExactlyInAnyOrder(Groupes.ANALYSTES, Groupes.CAMUNDA_ADMIN);
    }

    @Test
    void aucunAgentNeLitNiNeTraiteToutesLesTachesDirectement() {
        assertThat(groupesAyant(Resources.TASK, Permissions.READ)).containsExactly(Groupes.CAMUNDA_ADMIN);
        assertThat(groupesAyant(Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.TASK_WORK))
                .containsExactly(Groupes.CAMUNDA_ADMIN);
        assertThat(groupesAyant(Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.TASK_ASSIGN))
                .containsExactly(Groupes.CAMUNDA_ADMIN);
        assertThat(groupesAyant(Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.READ_TASK))
                .containsExactlyInAnyOrder(Groupes.GESTIONNAIRES, Groupes.ANALYSTES, Groupes.CAMUNDA_ADMIN);
    }

    @Test
    void lesApplicationsSontOuvertesAuxBonsGroupes() {
        assertThat(accesApplication("tasklist")).containsExactlyInAnyOrderElementsOf(Groupes.AGENTS_TASKLIST);
        // The committee opens Cockpit for the « Programme » page, with no other right in the engine.
        assertThat(accesApplication("cockpit")).containsExactlyInAnyOrder(Groupes.GESTIONNAIRES, Groupes.ANALYSTES, Groupes.COMITE_SELECTION);
        assertThat(groupesAyant(Resources.APPLICATION, Permissions.ACCESS)).containsExactly(Groupes.CAMUNDA_ADMIN);
    }

    @Test
    void leComiteNOuvreCockpitQuePourLaPageProgramme() {
        assertThat(MatriceAutorisations.regles()).filteredOn(r -> r.groupe().equals(Groupes.COMITE_SELECTION))
                .extracting(r -> r.ressource().resourceName() + " " + r.idRessource() + " "
                        + r.permissions().stream().map(Permission::getName).sorted().toList())
                .containsExactlyInAnyOrder("Application tasklist [ACCESS]", "Application cockpit [ACCESS]", "ProcessDefinition * [READ]");
    }

    @Test
    void personneNeModifieNiNeDemarreUneInstanceSaufLesAdministrateurs() {
        for (Permission permission : List.of(ProcessDefinitionPermissions.CREATE_INSTANCE,
                ProcessDefinitionPermissions.UPDATE_INSTANCE, ProcessDefinitionPermissions.DELETE_INSTANCE)) {
            assertThat(groupesAyant(Resources.PROCESS_DEFINITION, permission)).as(permission.getName())
                    .containsExactly(Groupes.CAMUNDA_ADMIN);
        }
        assertThat(MatriceAutorisations.regles()).filteredOn(r -> r.groupe().equals(Groupes.PORTEURS)).isEmpty();
    }

    @Test
    void lesAdministrateursOntToutSurChaqueTypeDeRessource() {
        assertThat(MatriceAutorisations.regles()).filteredOn(r -> r.groupe().equals(Groupes.CAMUNDA_ADMIN))
                .hasSize(Resources.values().length)
                .allSatisfy(r -> {
                    assertThat(r.idRessource()).isEqualTo("*");
                    assertThat(r.permissions()).containsExactly(Permissions.ALL);
                });
    }

    @Test
    void uneSeuleRegleParGroupeRessourceEtIdentifiant() {
        assertThat(MatriceAutorisations.regles())
                .extracting(r -> r.groupe() + "|" + r.ressource().resourceType() + "|" + r.idRessource())
                .doesNotHaveDuplicates();
    }

    private static List<String> groupesAyant(Resource ressource, Permission permission) {
        return MatriceAutorisations.regles().stream()
                .filter(r -> r.ressource() == ressource && "*".equals(r.idRessource()) && r.accorde(permission))
                .map(Autorisation::groupe)
                .toList();
    }

    private static List<String> accesApplication(String application) {
        return MatriceAutorisations.regles().stream()
                .filter(r -> r.ressource() == Resources.APPLICATION && application.equals(r.idRessource()))
                .map(Autorisation::groupe)
                .toList();
    }
}
