package fr.gouv.fabriques.domain;

/** Legal forms allowed to apply (DOMAIN.md « Who applies »). */
public enum FormeJuridique {
    ASSOCIATION, SCIC, SCOP, SOCIETE, FONDATION, GIP, GIE, COLLECTIVITE, EPCI, SYNDICAT_MIXTE, ETABLISSEMENT_PUBLIC
}
