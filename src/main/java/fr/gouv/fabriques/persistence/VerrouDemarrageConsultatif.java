package fr.gouv.fabriques.persistence;

import fr.gouv.fabriques.application.port.VerrouDemarrage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** {@link VerrouDemarrage} as a PostgreSQL transaction-level advisory lock, keyed by the name's hash. */
@Component
class VerrouDemarrageConsultatif implements VerrouDemarrage {

    /** Keeps the application's keys apart from any other user of advisory locks on the same database. */
    private static final int ESPACE = 0x46444254; // "FDBT"

    private final JdbcClient jdbc;

    VerrouDemarrageConsultatif(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void prendre(String quoi) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Le verrou de démarrage « " + quoi + " » se prend dans une transaction");
        }
        jdbc.sql("select pg_advisory_xact_lock(?, ?)").param(ESPACE).param(quoi.hashCode()).query().singleRow();
    }
}
