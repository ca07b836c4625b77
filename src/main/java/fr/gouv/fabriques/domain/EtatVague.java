package fr.gouv.fabriques.domain;

/** A wave is open for deposits, closed (committee to come) or deliberated. */
public enum EtatVague {
    OUVERTE, CLOSE, DELIBEREE
}
