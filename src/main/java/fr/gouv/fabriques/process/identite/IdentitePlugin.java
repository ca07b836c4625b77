package fr.gouv.fabriques.process.identite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;

/**
 * Runs {@link InitialisationIdentite} as soon as the engine is built. The engine is built
 * while the Spring context refreshes, before the embedded web server opens its port: no
 * request (Tasklist, REST) is served before groups, accounts, authorizations and filters
 * are in place; and it runs on every start, unlike an event tied to a first deployment.
 */
public class IdentitePlugin extends AbstractProcessEnginePlugin {

    private final InitialisationIdentite initialisation;

    public IdentitePlugin(InitialisationIdentite initialisation) {
        this.initialisation = initialisation;
    }

    /** The application's space of PostgreSQL advisory locks (same as persistence/VerrouDemarrageConsultatif). */
    private static final int ESPACE = 0x46444254;

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        // Two nodes starting together on one database: one creates groups, accounts, grants and filters, the other
        // waits on this lock, then finds them in place (each step compares before it writes).
        DataSource source = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getDataSource();
        try (Connection connexion = source.getConnection()) {
            boolean postgres = connexion.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
            if (postgres) {
                verrou(connexion, "select pg_advisory_lock(?, ?)");
            }
            try {
                initialisation.appliquer(processEngine);
            } finally {
                if (postgres) {
                    verrou(connexion, "select pg_advisory_unlock(?, ?)");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Verrou de démarrage des identités impossible à prendre", e);
        }
    }

    private static void verrou(Connection connexion, String sql) throws SQLException {
        try (PreparedStatement p = connexion.prepareStatement(sql)) {
            p.setInt(1, ESPACE);
            p.setInt(2, "identites".hashCode());
            p.execute();
        }
    }

    @Override
    public String toString() {
        return "IdentitePlugin";
    }
}
