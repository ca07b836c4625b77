package fr.gouv.fabriques.domain;

/** The scale of the referent's opinion and of the instructor's proposal. */
public enum Avis {
    FAVORABLE("favorable"), RESERVE("réservé"), DEFAVORABLE("défavorable");

    private final String libelle;

    Avis(String libelle) {
        this.libelle = libelle;
    }

    /** In French, as agents read it. */
    public String libelle() {
        return libelle;
    }
}
