package fr.gouv.fabriques.domain;

/** What the instructor decides on an annual report. */
public enum DecisionBilan {
    APPROUVE, CORRECTIONS, REJETE
}
