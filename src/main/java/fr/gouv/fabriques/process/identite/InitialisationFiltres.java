package fr.gouv.fabriques.process.identite;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates or updates the shared Tasklist filters (matched by name among the filters
 * without owner, i.e. not a user's personal filter) and their READ grants.
 *
 * <p>These filters are managed by code: a changed query or property is put back, a
 * duplicate is removed, and READ is granted exactly to the intended groups among the
 * application's groups (grants to users or to other groups are left alone).
 */
class InitialisationFiltres {

    private static final Logger LOG = LoggerFactory.getLogger(InitialisationFiltres.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    void appliquer(FilterService filterService, TaskService taskService,
            AuthorizationService authorizationService, List<DefinitionFiltre> definitions) {
        supprimerFiltreDuStarter(filterService);
        int crees = 0;
        int misAJour = 0;
        for (DefinitionFiltre definition : definitions) {
            Filter attendu = filterService.newTaskFilter(definition.nom())
                    .setQuery(definition.requete(taskService))
                    .setProperties(definition.proprietes());
            List<Filter> partages = partagesNommes(filterService, definition.nom());
            Filter filtre;
            if (partages.isEmpty()) {
                filtre = filterService.saveFilter(attendu);
                crees++;
            } else {
                filtre = partages.get(0);
                partages.stream().skip(1).forEach(doublon -> filterService.deleteFilter(doublon.getId()));
                if (!memeContenu(filtre, attendu)) {
                    filtre.setQuery(definition.requete(taskService));
                    filtre.setProperties(definition.proprietes());
                    filtre = filterService.saveFilter(filtre);
                    misAJour++;
                }
            }
            accorderLecture(authorizationService, filtre.getId(), definition.groupes());
        }
        LOG.info("Filtres Tasklist : {} créé(s), {} mis à jour, {} attendus.", crees, misAJour, definitions.size());
    }

    /** Every readable task in one list defeats the point of the group filters. */
    private void supprimerFiltreDuStarter(FilterService filterService) {
        for (Filter filtre : partagesNommes(filterService, FiltresTasklist.FILTRE_DU_STARTER)) {
            filterService.deleteFilter(filtre.getId());
            LOG.info("Filtre « {} » du starter supprimé.", FiltresTasklist.FILTRE_DU_STARTER);
        }
    }

    private static List<Filter> partagesNommes(FilterService filterService, String nom) {
        return filterService.createFilterQuery().filterName(nom).list().stream()
                .filter(f -> f.getOwner() == null)
                .sorted(Comparator.comparing(Filter::getId))
                .toList();
    }

    /**
     * Compares the JSON forms produced by the engine's own serializer, as JSON trees: the
     * properties come back from the database in another key order.
     */
    private static boolean memeContenu(Filter actuel, Filter attendu) {
        FilterEntity a = (FilterEntity) actuel;
        FilterEntity b = (FilterEntity) attendu;
        return memeJson(a.getQueryInternal(), b.getQueryInternal())
                && memeJson(a.getPropertiesInternal(), b.getPropertiesInternal());
    }

    private static boolean memeJson(String un, String autre) {
        try {
            return Objects.equals(JSON.readTree(un), JSON.readTree(autre));
        } catch (JsonProcessingException e) {
            // Unreadable stored JSON: rewrite it.
            return false;
        }
    }

    private void accorderLecture(AuthorizationService authorizationService, String idFiltre, List<String> groupes) {
        List<Authorization> existantes = authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT)
                .resourceType(Resources.FILTER)
                .resourceId(idFiltre)
                .list();
        Set<String> groupesGeres = Groupes.tous().stream().map(DefinitionGroupe::id).collect(Collectors.toSet());
        for (Authorization existante : existantes) {
            String groupe = existante.getGroupId();
            if (groupe != null && groupesGeres.contains(groupe) && !groupes.contains(groupe)) {
                authorizationService.deleteAuthorization(existante.getId());
            }
        }
        for (String groupe : groupes) {
            Authorization autorisation = existantes.stream()
                    .filter(a -> groupe.equals(a.getGroupId()))
                    .findFirst()
                    .orElse(null);
            if (autorisation == null) {
                autorisation = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
                autorisation.setGroupId(groupe);
                autorisation.setResource(Resources.FILTER);
                autorisation.setResourceId(idFiltre);
            } else if (autorisation.isPermissionGranted(Permissions.READ)) {
                continue;
            }
            autorisation.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(autorisation);
        }
    }
}
