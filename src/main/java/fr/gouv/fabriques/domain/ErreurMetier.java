package fr.gouv.fabriques.domain;

/**
 * A business rule refused an action. The message is French and says what was
 * expected; {@link #champ()} names the input at fault when there is one.
 */
public class ErreurMetier extends RuntimeException {

    private final String champ;

    public ErreurMetier(String champ, String message) {
        super(message);
        this.champ = champ;
    }

    public ErreurMetier(String message) {
        this(null, message);
    }

    public String champ() {
        return champ;
    }
}
