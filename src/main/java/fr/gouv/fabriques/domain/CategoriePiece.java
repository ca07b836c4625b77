package fr.gouv.fabriques.domain;

/** What an attachment is for (DOMAIN.md « Dépôt »: statuts, budget prévisionnel, RIB, lettres de soutien). */
public enum CategoriePiece {
    STATUTS("statuts"),
    BUDGET_PREVISIONNEL("budget prévisionnel"),
    RIB("RIB"),
    LETTRE_SOUTIEN("lettre de soutien"),
    COMPLEMENT("complément"),
    AUTRE("autre");

    private final String libelle;

    CategoriePiece(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
