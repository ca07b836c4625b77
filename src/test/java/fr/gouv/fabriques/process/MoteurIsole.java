package fr.gouv.fabriques.process;

import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * An engine of a test's own, beside the process tests' one (moteur-tests-processus.cfg.xml): in-memory H2 under a unique name, its schema
 * created and dropped with it, no job executor, no metrics. The test adds what it checks (plugins, settings), then builds it.
 */
public final class MoteurIsole {

    private MoteurIsole() {
    }

    public static ProcessEngineConfigurationImpl configuration(String prefixe) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
                ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration();
        String nom = prefixe + "-" + UUID.randomUUID();
        configuration.setProcessEngineName(nom);
        configuration.setJdbcUrl("jdbc:h2:mem:" + nom);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        configuration.setJobExecutorActivate(false);
        configuration.setMetricsEnabled(false);
        return configuration;
    }
}
