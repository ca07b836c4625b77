package fr.gouv.fabriques.persistence;

/** The database settings cannot be used; the start-up stops with this message ({@link ConfigurationBaseDeDonneesFailureAnalyzer}). */
public class ConfigurationBaseDeDonneesInvalide extends RuntimeException {
    public ConfigurationBaseDeDonneesInvalide(String message) {
        super(message);
    }
}
