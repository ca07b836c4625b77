package fr.gouv.fabriques.domain;

import java.util.Optional;

/**
 * Text a person sends never carries control characters: NUL and the other C0 controls
 * (U+0000 to U+001F) are refused, tab, line feed and carriage return excepted. PostgreSQL
 * cannot store NUL in a text, and the others only hide content from whoever reads it.
 */
public final class CaracteresControle {

    private CaracteresControle() {
    }

    /** Whether this character may not appear in a text sent to the application. */
    public static boolean interdit(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
    }

    /** The index (in chars) of the first forbidden character, or -1. */
    public static int premier(String texte) {
        if (texte == null) {
            return -1;
        }
        for (int i = 0; i < texte.length(); i++) {
            if (interdit(texte.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The fault of this field's text, if it holds a forbidden character: which one and where
     * (position counted in characters from 1, as a person counts them).
     */
    public static Optional<Violation> verifier(String champ, String texte) {
        int i = premier(texte);
        if (i < 0) {
            return Optional.empty();
        }
        return Optional.of(new Violation(champ, "caractère de contrôle interdit (" + String.format("U+%04X", (int) texte.charAt(i))
                + ") à la position " + (texte.codePointCount(0, i) + 1)));
    }
}
