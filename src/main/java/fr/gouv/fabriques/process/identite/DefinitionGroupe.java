package fr.gouv.fabriques.process.identite;

/**
 * A Camunda group as the application wants it: id (used in candidateGroups and
 * authorizations), French name (shown in Tasklist and Admin) and Camunda group type.
 */
public record DefinitionGroupe(String id, String nom, String type) {
}
