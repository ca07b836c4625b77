package fr.gouv.fabriques.domain;

/** What an attachment is for (doc/programme.md « La vie d'un dossier », dépôt: statuts, budget prévisionnel, RIB, lettres de soutien). */
public enum CategoriePiece {
    STATUTS("statuts"),
    BUDGET_PREVISIONNEL("budget prévisionnel"),
    RIB("RIB"),
    LETTRE_SOUTIEN("lettre de soutien"),
    COMPLEMENT("complément"),
    BILAN_ACTIVITE("bilan d'activité annuel"),
    COMPTE_RENDU_FINANCIER("compte rendu financier annuel"),
    AUTRE("autre");

    private final String libelle;

    CategoriePiece(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
