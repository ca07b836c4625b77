package fr.gouv.fabriques.process.commun;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.flywaydb.core.Flyway;

/**
 * Applies the migrations of {@code db/moteur} (indexes and planner statistics on the engine's own tables) once the
 * engine has created or updated its schema.
 *
 * <p>The application's migrations ({@code db/migration}) run before the engine is built: on a fresh database the
 * ACT_ tables do not exist yet. These run right after, with their own history table, so that what we add to the
 * engine's tables is versioned like the rest and applied once per database. Flyway's own lock keeps two nodes
 * starting together from applying them twice.
 */
public class SchemaMoteurPlugin extends AbstractProcessEnginePlugin {

    static final String EMPLACEMENT = "classpath:db/moteur";
    static final String TABLE_HISTORIQUE = "fabriques_flyway_moteur";

    private final DataSource base;

    public SchemaMoteurPlugin(DataSource base) {
        this.base = base;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        Flyway.configure()
                .dataSource(base)
                .locations(EMPLACEMENT)
                .table(TABLE_HISTORIQUE)
                // The schema already holds the application's and the engine's tables: start this history at 0.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
