package fr.gouv.fabriques.domain;

/** The scale of the referent's opinion and of the instructor's proposal. */
public enum Avis {
    FAVORABLE, RESERVE, DEFAVORABLE
}
