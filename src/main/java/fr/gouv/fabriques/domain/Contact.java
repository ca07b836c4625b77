package fr.gouv.fabriques.domain;

/** The applicant's contact person. */
public record Contact(String nom, String email, String telephone) {
}
