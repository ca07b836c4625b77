package fr.gouv.fabriques.domain;

/** The legal person that applies (lead applicant of a consortium). */
public record Structure(String raisonSociale, Siret siret, FormeJuridique formeJuridique, Adresse adresse, String codeQpv) {
}
