package fr.gouv.fabriques.domain;

/** A file above the size the programme accepts; nothing was written. */
public class FichierTropVolumineux extends RuntimeException {

    private final String champ;

    public FichierTropVolumineux(String champ, String message) {
        super(message);
        this.champ = champ;
    }

    public String champ() {
        return champ;
    }
}
