package fr.gouv.fabriques.domain;

/** The two calls for applications (AMI) of the programme. */
public enum Appel {
    FABRIQUES_TERRITOIRE("FDT", "Fabriques de territoire"),
    FABRIQUES_NUMERIQUES("FNT", "Fabriques numériques de territoire");

    private final String prefixe;
    private final String libelle;

    Appel(String prefixe, String libelle) {
        this.prefixe = prefixe;
        this.libelle = libelle;
    }

    /** Prefix of the dossier numbers and wave codes of this call (FDT-2019-0042). */
    public String prefixe() {
        return prefixe;
    }

    public String libelle() {
        return libelle;
    }
}
