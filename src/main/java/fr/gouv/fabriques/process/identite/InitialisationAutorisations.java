package fr.gouv.fabriques.process.identite;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure every grant of {@link MatriceAutorisations} exists. Additive on purpose:
 * a permission an administrator added in Admin is kept; a missing one is added to the
 * existing row (the engine allows one GRANT row per group, resource type and id, so
 * creating a second one would fail).
 */
class InitialisationAutorisations {

    private static final Logger LOG = LoggerFactory.getLogger(InitialisationAutorisations.class);

    void appliquer(AuthorizationService authorizationService, List<Autorisation> regles) {
        String[] groupes = regles.stream().map(Autorisation::groupe).distinct().toArray(String[]::new);
        Map<String, Authorization> existantes = authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(groupes)
                .list().stream()
                .collect(Collectors.toMap(
                        a -> cle(a.getGroupId(), a.getResourceType(), a.getResourceId()),
                        Function.identity()));
        int creees = 0;
        int completees = 0;
        for (Autorisation regle : regles) {
            Authorization autorisation = existantes.get(
                    cle(regle.groupe(), regle.ressource().resourceType(), regle.idRessource()));
            if (autorisation == null) {
                autorisation = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
                autorisation.setGroupId(regle.groupe());
                autorisation.setResource(regle.ressource());
                autorisation.setResourceId(regle.idRessource());
                creees++;
            } else if (regle.permissions().stream().allMatch(autorisation::isPermissionGranted)) {
                continue;
            } else {
                completees++;
            }
            for (Permission permission : regle.permissions()) {
                autorisation.addPermission(permission);
            }
            authorizationService.saveAuthorization(autorisation);
        }
        LOG.info("Autorisations : {} créée(s), {} complétée(s), {} règles.", creees, completees, regles.size());
    }

    private static String cle(String groupe, int typeRessource, String idRessource) {
        return groupe + "|" + typeRessource + "|" + idRessource;
    }
}
