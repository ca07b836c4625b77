package fr.gouv.fabriques.process.identite;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code fabriques.mode}: which accounts the application creates at start-up. */
public enum ModeFonctionnement {

    /** Local demonstration: the accounts of the API contract (OpenAPI, README), password « demo ». */
    DEMO("demo"),
    /** Anything real: no demo account; the administrator's password comes from the environment. */
    PRODUCTION("production");

    private final String valeur;

    ModeFonctionnement(String valeur) {
        this.valeur = valeur;
    }

    public String valeur() {
        return valeur;
    }

    /**
     * Reads the configured value; an unknown value stops the start-up rather than
     * silently falling back to one mode or the other (a typo must not create demo accounts
     * in production, nor lock people out of a demo).
     */
    public static ModeFonctionnement depuis(String valeur) {
        String normalisee = valeur == null ? "" : valeur.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(mode -> mode.valeur.equals(normalisee))
                .findFirst()
                .orElseThrow(() -> new ConfigurationIdentiteInvalideException(
                        "Valeur inconnue pour fabriques.mode (variable FABRIQUES_MODE) : « " + valeur
                                + " ». Valeurs admises : "
                                + Arrays.stream(values()).map(ModeFonctionnement::valeur)
                                        .collect(Collectors.joining(", "))
                                + "."));
    }
}
