package fr.gouv.fabriques.domain;

/** Where an amendment to a convention stands. Only one is in progress per dossier ({@link #enCours()}). */
public enum EtatAvenant {
    PROPOSE("proposé, à valider par un second gestionnaire"),
    REJETE("rejeté"),
    A_SIGNER("validé, à signer par le porteur"),
    SIGNE_PORTEUR("signé par le porteur, à signer pour l'État"),
    APPLIQUE("signé par les deux parties et appliqué"),
    CADUC("caduc (non signé par le porteur dans le délai)");

    private final String libelle;

    EtatAvenant(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }

    public boolean enCours() {
        return this == PROPOSE || this == A_SIGNER || this == SIGNE_PORTEUR;
    }
}
