package fr.gouv.fabriques.domain;

/** What a selection committee decides for a dossier. */
public enum TypeDecision {
    LAUREAT, REFUSE, AJOURNE
}
