package fr.gouv.fabriques.process.identite;

/**
 * The identity configuration (mode, administrator) would leave the application unsafe or
 * ambiguous: start-up must stop, with a message an operator can act on.
 */
public class ConfigurationIdentiteInvalideException extends IllegalStateException {

    public ConfigurationIdentiteInvalideException(String message) {
        super(message);
    }
}
