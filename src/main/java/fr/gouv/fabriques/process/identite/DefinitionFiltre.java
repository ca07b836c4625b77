package fr.gouv.fabriques.process.identite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * A shared Tasklist filter: its name is its identity (filters are matched by name at
 * start-up), the selection says which tasks it lists, the groups who may READ it see it
 * in Tasklist. What a user actually sees in it is further bounded by his task
 * authorizations.
 */
public record DefinitionFiltre(
        String nom,
        String description,
        int priorite,
        Selection selection,
        List<String> clesProcessus,
        List<String> groupes) {

    /** How the filter selects its tasks. */
    public enum Selection {
        /** Tasks assigned to the current user. */
        ASSIGNEES_A_MOI,
        /** Unassigned tasks offered to one of the current user's groups: the work to pick up. */
        A_PRENDRE_DANS_MES_GROUPES,
        /** Every task of one phase (process definition keys), assigned or not. */
        PHASE
    }

    /** The process variables shown on each task card (Tasklist reads them from the filter properties). */
    static final List<Map<String, String>> VARIABLES_AFFICHEES = List.of(
            variable("numero", "Dossier"),
            variable("structure", "Structure"),
            variable("categorie", "Catégorie"),
            variable("vague", "Vague"));

    public DefinitionFiltre {
        clesProcessus = List.copyOf(clesProcessus);
        groupes = List.copyOf(groupes);
        if ((selection == Selection.PHASE) == clesProcessus.isEmpty()) {
            throw new IllegalArgumentException("Un filtre de phase, et lui seul, nomme ses processus : " + nom);
        }
    }

    /**
     * The task query stored in the filter. Expressions are evaluated when the filter runs,
     * for the user who runs it. Sorted by due date (tasks without one last) then oldest
     * first, so that a queue is worked in order.
     */
    public TaskQuery requete(TaskService taskService) {
        TaskQuery requete = taskService.createTaskQuery();
        switch (selection) {
            case ASSIGNEES_A_MOI -> requete.taskAssigneeExpression("${currentUser()}");
            // Without includeAssignedTasks, a candidate-group query keeps unassigned tasks only.
            case A_PRENDRE_DANS_MES_GROUPES -> requete.taskCandidateGroupInExpression("${currentUserGroups()}");
            case PHASE -> requete.processDefinitionKeyIn(clesProcessus.toArray(String[]::new));
        }
        return requete.orderByDueDate().asc().orderByTaskCreateTime().asc();
    }

    /** The properties Tasklist reads: description, order in the list, auto-refresh, card variables. */
    public Map<String, Object> proprietes() {
        Map<String, Object> proprietes = new LinkedHashMap<>();
        proprietes.put("description", description);
        proprietes.put("priority", priorite);
        proprietes.put("refresh", true);
        proprietes.put("showUndefinedVariable", false);
        proprietes.put("variables", VARIABLES_AFFICHEES);
        return proprietes;
    }

    private static Map<String, String> variable(String nom, String libelle) {
        Map<String, String> variable = new LinkedHashMap<>();
        variable.put("name", nom);
        variable.put("label", libelle);
        return variable;
    }
}
