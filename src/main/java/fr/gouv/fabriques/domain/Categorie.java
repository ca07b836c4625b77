package fr.gouv.fabriques.domain;

/** The three categories of Fabriques, each with its own quota (« Le programme en bref » (README)). */
public enum Categorie {
    HORS_GRANDS_CENTRES(Appel.FABRIQUES_TERRITOIRE, false, "Fabrique de territoire hors grands centres urbains"),
    QPV(Appel.FABRIQUES_TERRITOIRE, true, "Fabrique de territoire en quartier prioritaire"),
    NUMERIQUE_QPV(Appel.FABRIQUES_NUMERIQUES, true, "Fabrique numérique de territoire (QPV)");

    private final Appel appel;
    private final boolean situeeEnQpv;
    private final String libelle;

    Categorie(Appel appel, boolean situeeEnQpv, String libelle) {
        this.appel = appel;
        this.situeeEnQpv = situeeEnQpv;
        this.libelle = libelle;
    }

    /** The call a dossier of this category answers ({@code NUMERIQUE_QPV} ⇔ numériques). */
    public Appel appel() {
        return appel;
    }

    /** Whether a dossier of this category must give the code of its QPV. */
    public boolean exigeCodeQpv() {
        return situeeEnQpv;
    }

    public boolean estNumerique() {
        return this == NUMERIQUE_QPV;
    }

    public String libelle() {
        return libelle;
    }
}
