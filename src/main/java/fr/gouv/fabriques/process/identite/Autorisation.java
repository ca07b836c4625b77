package fr.gouv.fabriques.process.identite;

import java.util.List;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * One GRANT the application guarantees: the group holds at least these permissions on
 * this resource. Camunda stores one row per (group, resource type, resource id), so the
 * matrix holds at most one {@code Autorisation} per such key.
 */
public record Autorisation(String groupe, Resource ressource, String idRessource, List<Permission> permissions) {

    public Autorisation {
        permissions = List.copyOf(permissions);
    }

    public boolean accorde(Permission permission) {
        return permissions.stream().anyMatch(p -> (p.getValue() & permission.getValue()) == permission.getValue());
    }
}
