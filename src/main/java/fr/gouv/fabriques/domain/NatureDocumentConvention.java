package fr.gouv.fabriques.domain;

/** The two documents of a convention: the one the programme draws, the one the laureate sends back signed. */
public enum NatureDocumentConvention {
    GENEREE("convention établie"),
    SIGNEE_PORTEUR("convention signée par le porteur");

    private final String libelle;

    NatureDocumentConvention(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
