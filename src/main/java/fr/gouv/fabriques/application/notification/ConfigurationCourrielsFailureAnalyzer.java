package fr.gouv.fabriques.application.notification;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A short start-up report instead of a stack trace when the mail settings are missing. */
public class ConfigurationCourrielsFailureAnalyzer extends AbstractFailureAnalyzer<ConfigurationCourrielsInvalide> {

    @Override
    protected FailureAnalysis analyze(Throwable racine, ConfigurationCourrielsInvalide cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Donnez ces variables d'environnement (README, section « Courriels »), ou lancez en mode démo (FABRIQUES_MODE=demo), "
                        + "où les courriels sont écrits dans donnees/mails/.", cause);
    }
}
