package fr.gouv.fabriques.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The « db » health check, in the readiness group: bounded in time, unlike Boot's own indicator, which
 * validates with {@code isValid(0)} (no limit). A connection from the pool waits at most the pool's
 * {@code connectionTimeout} (3 s), and its validation {@link #VALIDATION_SECONDES}. A change of state is
 * logged once, not at every probe.
 */
@Component("dbHealthIndicator")
class SanteBaseDeDonnees implements HealthIndicator {

    private static final Logger LOG = LoggerFactory.getLogger(SanteBaseDeDonnees.class);
    static final int VALIDATION_SECONDES = 1;

    private final DataSource dataSource;
    private volatile boolean joignable = true;

    SanteBaseDeDonnees(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        try (Connection c = dataSource.getConnection()) {
            if (c.isValid(VALIDATION_SECONDES)) {
                changement(true, null);
                return Health.up().build();
            }
            changement(false, "connexion invalide");
        } catch (SQLException | RuntimeException e) {
            changement(false, e.getMessage());
        }
        return Health.down().build();
    }

    private void changement(boolean maintenant, String cause) {
        if (maintenant != joignable) {
            joignable = maintenant;
            if (maintenant) {
                LOG.info("Base de données de nouveau joignable : l'application est prête");
            } else {
                LOG.warn("Base de données injoignable ({}) : l'application se déclare non prête", cause);
            }
        }
    }
}
