package fr.gouv.fabriques.domain;

/** The published selection criteria (« Le programme en bref » (README), lifecycle step 2), each scored 0 to 5 by the instructor. */
public enum Critere {
    GOUVERNANCE("noteGouvernance", "Gouvernance et animation par un collectif identifié"),
    PARTENARIATS("notePartenariats", "Partenariats locaux"),
    BESOIN_LOCAL("noteBesoinLocal", "Réponse à un besoin local"),
    OFFRE_SERVICES("noteOffreServices", "Offre de services (numériques pour les Fabriques numériques)"),
    MODELE_ECONOMIQUE("noteModeleEconomique", "Modèle économique viable"),
    EMPLOI("noteEmploi", "Financement d'au moins un emploi à temps plein");

    public static final int NOTE_MAX = 5;

    private final String champ;
    private final String libelle;

    Critere(String champ, String libelle) {
        this.champ = champ;
        this.libelle = libelle;
    }

    /** The form field (and DMN output suffix) of this criterion. */
    public String champ() {
        return champ;
    }

    public String libelle() {
        return libelle;
    }
}
