package fr.gouv.fabriques.process.identite;

import static fr.gouv.fabriques.process.identite.Groupes.AGENTS_TASKLIST;
import static fr.gouv.fabriques.process.identite.Groupes.ANALYSTES;
import static fr.gouv.fabriques.process.identite.Groupes.CAMUNDA_ADMIN;
import static fr.gouv.fabriques.process.identite.Groupes.PILOTAGE_COCKPIT_SEUL;
import static fr.gouv.fabriques.process.identite.Groupes.UTILISATEURS_COCKPIT;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * Who may do what in the engine, by group (filters aside: see {@link FiltresTasklist}).
 *
 * <ul>
 * <li><b>Tasklist agents</b> (instructeurs, référents, comité, gestionnaires, service
 * financier): access to Tasklist and READ on process definitions, which Tasklist needs to
 * show the process name and diagram of a task. They get <em>no</em> TASK READ on {@code *}:
 * a task becomes visible and workable only through Camunda's automatic authorizations
 * on its identity links (candidate group, assignee), with the permission
 * {@code default-user-permission-name-for-task} (TASK_WORK: claim and complete, not
 * reassign). Rendering a Camunda Form needs nothing more: the engine reads the deployed
 * form without authorization checks once the task itself is readable.</li>
 * <li><b>Cockpit users</b> (gestionnaires, analystes): read-only supervision of every
 * process, instance (search by business key), history, decision and deployment, and READ
 * on the tasks of every process through READ_TASK on the process definitions, so that
 * Cockpit can show who holds a dossier. READ_TASK grants neither claim nor completion:
 * a gestionnaire still only works the tasks of his own group.</li>
 * <li><b>comite-selection</b> opens Cockpit for the « Programme » page only: application access and nothing else in
 * the engine (no process, instance or task is readable there); the page reads {@code /api/agents/pilotage}.</li>
 * <li><b>Analystes</b> also deploy from Camunda Modeler ({@code POST /engine-rest/deployment/create}
 * needs DEPLOYMENT CREATE, plus READ on a redeployed deployment). Nobody else deploys,
 * except camunda-admin.</li>
 * <li><b>camunda-admin</b>: ALL on every resource type (Admin app).</li>
 * <li><b>porteurs</b>: nothing in the engine; applicants go through the application's API.</li>
 * </ul>
 */
public final class MatriceAutorisations {

    public static final String APPLICATION_TASKLIST = "tasklist";
    public static final String APPLICATION_COCKPIT = "cockpit";

    private static final List<Autorisation> REGLES = construire();

    private MatriceAutorisations() {
    }

    public static List<Autorisation> regles() {
        return REGLES;
    }

    private static List<Autorisation> construire() {
        Matrice matrice = new Matrice();
        for (String groupe : AGENTS_TASKLIST) {
            matrice.accorder(groupe, Resources.APPLICATION, APPLICATION_TASKLIST, Permissions.ACCESS);
            matrice.accorder(groupe, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
        }
        for (String groupe : UTILISATEURS_COCKPIT) {
            matrice.accorder(groupe, Resources.APPLICATION, APPLICATION_COCKPIT, Permissions.ACCESS);
            matrice.accorder(groupe, Resources.PROCESS_DEFINITION, ANY,
                    ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE,
                    ProcessDefinitionPermissions.READ_HISTORY,
                    ProcessDefinitionPermissions.READ_TASK);
            matrice.accorder(groupe, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
            matrice.accorder(groupe, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
            matrice.accorder(groupe, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
            matrice.accorder(groupe, Resources.DEPLOYMENT, ANY, Permissions.READ);
        }
        for (String groupe : PILOTAGE_COCKPIT_SEUL) {
            matrice.accorder(groupe, Resources.APPLICATION, APPLICATION_COCKPIT, Permissions.ACCESS);
        }
        matrice.accorder(ANALYSTES, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
        for (Resource ressource : Resources.values()) {
            matrice.accorder(CAMUNDA_ADMIN, ressource, ANY, Permissions.ALL);
        }
        return matrice.regles();
    }

    /** Merges the grants that fall on the same (group, resource, id) into one rule. */
    private static final class Matrice {
        private final Map<String, Autorisation> parCle = new LinkedHashMap<>();

        void accorder(String groupe, Resource ressource, String idRessource, Permission... permissions) {
            String cle = groupe + "|" + ressource.resourceType() + "|" + idRessource;
            Autorisation existante = parCle.get(cle);
            List<Permission> cumul = new ArrayList<>(existante == null ? List.of() : existante.permissions());
            Arrays.stream(permissions)
                    .filter(p -> cumul.stream().noneMatch(deja -> deja.getValue() == p.getValue()))
                    .forEach(cumul::add);
            parCle.put(cle, new Autorisation(groupe, ressource, idRessource, cumul));
        }

        List<Autorisation> regles() {
            return List.copyOf(parCle.values());
        }
    }
}
