package fr.gouv.fabriques.persistence;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A short start-up report instead of a stack trace when production has no database of its own. */
public class ConfigurationBaseDeDonneesFailureAnalyzer extends AbstractFailureAnalyzer<ConfigurationBaseDeDonneesInvalide> {

    @Override
    protected FailureAnalysis analyze(Throwable racine, ConfigurationBaseDeDonneesInvalide cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Donnez SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME et SPRING_DATASOURCE_PASSWORD (README, section « Exploitation »), "
                        + "ou lancez en mode démo (FABRIQUES_MODE=demo) avec le PostgreSQL embarqué.", cause);
    }
}
