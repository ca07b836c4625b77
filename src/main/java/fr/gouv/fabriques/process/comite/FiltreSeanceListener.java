package fr.gouv.fabriques.process.comite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filter « Comité — vague X » listing the wave's decision tasks in
 * the agenda's order (rank), readable by the committee and the programme managers:
 * created on the flow into the decision tasks (once per wave), removed when the wave is
 * deliberated (it would list nothing any more).
 */
@Component("filtreSeanceListener")
class FiltreSeanceListener implements ExecutionListener {

    static final List<String> GROUPES = List.of("comite-selection", "gestionnaires");

    private final FilterService filtres;
    private final TaskService taches;
    private final AuthorizationService autorisations;

    FiltreSeanceListener(FilterService filtres, TaskService taches, AuthorizationService autorisations) {
        this.filtres = filtres;
        this.taches = taches;
        this.autorisations = autorisations;
    }

    static String nom(String vague) {
        return "Comité — vague " + vague;
    }

    @Override
    public void notify(DelegateExecution execution) {
        // The manager who completes « Préparer la séance » may not create filters or grants: the application does.
        String vague = execution.getProcessBusinessKey();
        Context.getCommandContext().runWithoutAuthorization(() -> {
            if (EVENTNAME_TAKE.equals(execution.getEventName())) {
                creer(vague);
            } else {
                filtres.createFilterQuery().filterName(nom(vague)).list().forEach(f -> filtres.deleteFilter(f.getId()));
            }
            return null;
        });
    }

    private void creer(String vague) {
        if (filtres.createFilterQuery().filterName(nom(vague)).count() > 0) {
            return;
        }
        Map<String, Object> proprietes = new LinkedHashMap<>();
        proprietes.put("description", "Les dossiers de la séance du comité de la vague " + vague + ", dans l'ordre du jour : une tâche par dossier.");
        proprietes.put("priority", 35);
        proprietes.put("refresh", true);
        proprietes.put("showUndefinedVariable", false);
        proprietes.put("variables", List.of(variable("rang", "N°"), variable("numero", "Dossier"), variable("structure", "Structure"),
                variable("categorie", "Catégorie")));
        Filter filtre = filtres.newTaskFilter(nom(vague))
                .setQuery(taches.createTaskQuery().processInstanceBusinessKey(vague).processDefinitionKey(ComiteVagueProcess.CLE)
                        .taskDefinitionKey(ComiteVagueProcess.TACHE_DECIDER_DOSSIER)
                        .orderByTaskVariable(ComiteVagueProcess.VAR_RANG, ValueType.INTEGER).asc())
                .setProperties(proprietes);
        filtre = filtres.saveFilter(filtre);
        for (String groupe : GROUPES) {
            Authorization lecture = autorisations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            lecture.setGroupId(groupe);
            lecture.setResource(Resources.FILTER);
            lecture.setResourceId(filtre.getId());
            lecture.addPermission(Permissions.READ);
            autorisations.saveAuthorization(lecture);
        }
    }

    private static Map<String, String> variable(String nom, String libelle) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("name", nom);
        v.put("label", libelle);
        return v;
    }
}
