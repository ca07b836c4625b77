package fr.gouv.fabriques.domain;

/**
 * The legal forms a deposit may declare, with the words a convention or a sheet uses. Which of
 * them may apply is the eligibility table's rule (bpmn/eligibilite.dmn, « Le programme en bref »
 * (README)): today every form but {@link #ENTREPRISE_INDIVIDUELLE}, which is not a legal person.
 */
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
    ETABLISSEMENT_PUBLIC("établissement public"),
    ENTREPRISE_INDIVIDUELLE("entreprise individuelle");

    private final String libelle;

    FormeJuridique(String libelle) {
        this.libelle = libelle;
    }

    /** In full, lower case: « société coopérative d'intérêt collectif (SCIC) ». */
    public String libelle() {
        return libelle;
    }
}
