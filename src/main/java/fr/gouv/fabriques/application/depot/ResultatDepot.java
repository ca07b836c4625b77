package fr.gouv.fabriques.application.depot;

/** What the applicant gets back from a deposit; the token is shown this once. */
public record ResultatDepot(String numero, String jetonAcces, String statut, String vague, boolean rejoue) {
}
