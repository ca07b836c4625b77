package fr.gouv.fabriques.process.identite;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an invalid identity configuration into Spring Boot's short start-up report
 * (description and action) instead of a stack trace the operator has to dig through.
 */
public class ConfigurationIdentiteFailureAnalyzer extends AbstractFailureAnalyzer<ConfigurationIdentiteInvalideException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationIdentiteInvalideException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Corrigez la configuration (FABRIQUES_MODE, FABRIQUES_ADMIN_ID, "
                        + ConfigurationIdentite.VARIABLE_MOT_DE_PASSE + ") puis relancez l'application.",
                cause);
    }
}
