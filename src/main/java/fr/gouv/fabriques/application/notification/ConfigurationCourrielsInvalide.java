package fr.gouv.fabriques.application.notification;

/** The mail settings cannot work; the start-up stops with this message (see {@link ConfigurationCourrielsFailureAnalyzer}). */
public class ConfigurationCourrielsInvalide extends RuntimeException {
    public ConfigurationCourrielsInvalide(String message) {
        super(message);
    }
}
