package fr.gouv.fabriques.domain;

/** Legal forms allowed to apply (« Le programme en bref » (README) « Who applies »), with the words a convention or a sheet uses. */
public enum FormeJuridique {
    ASSOCIATION("association"),
    SCIC("société coopérative d'intérêt collectif (SCIC)"),
    SCOP("société coopérative et participative (SCOP)"),
    SOCIETE("société"),
    FONDATION("fondation"),
    GIP("groupement d'intérêt public (GIP)"),
    GIE("groupement d'intérêt économique (GIE)"),
    COLLECTIVITE("collectivité territoriale"),
    EPCI("établissement public de coopération intercommunale (EPCI)"),
    SYNDICAT_MIXTE("syndicat mixte"),
    ETABLISSEMENT_PUBLIC("établissement public");

    private final String libelle;

    FormeJuridique(String libelle) {
        this.libelle = libelle;
    }

    /** In full, lower case: « société coopérative d'intérêt collectif (SCIC) ». */
    public String libelle() {
        return libelle;
    }
}
