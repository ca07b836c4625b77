package fr.gouv.fabriques.application.pilotage;

/**
 * The steps whose duration the programme follows, each between two recorded dates (README « Pilotage dans Cockpit »):
 * deposit ({@code dossier.depose_le}), complete ({@code instruction.completude_le} of a complete dossier), instructed
 * (the proposal validated, {@code instruction.validee_le}), decided (the committee's last published decision, laureate or
 * refused: {@code decision_comite.publiee_le}), signed by the State ({@code convention.signee_etat_le}), each payment
 * issued ({@code versement.emis_le}).
 */
public enum EtapeDelai {
    DEPOT_COMPLET("Dépôt → dossier complet"),
    COMPLET_INSTRUIT("Complet → instruit (proposition validée)"),
    INSTRUIT_DECIDE("Instruit → décision du comité publiée"),
    DECIDE_SIGNE("Décision → convention signée par l'État"),
    SIGNE_VERSEMENT_1("Signature → versement de l'année 1 émis"),
    VERSEMENT_1_VERSEMENT_2("Versement 1 → versement 2"),
    VERSEMENT_2_VERSEMENT_3("Versement 2 → versement 3"),
    DEPOT_DECIDE("Dépôt → décision du comité (de bout en bout)");

    private final String libelle;

    EtapeDelai(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
