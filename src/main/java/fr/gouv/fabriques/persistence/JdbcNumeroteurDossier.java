package fr.gouv.fabriques.persistence;

import com.zaxxer.hikari.HikariDataSource;
import fr.gouv.fabriques.application.port.NumeroteurDossier;
import fr.gouv.fabriques.domain.Appel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Repository;

/**
 * FDT-2026-0001, FDT-2026-0002…: one counter row per call and year, incremented in a transaction of its own, on a
 * connection of a two-connection pool of its own (doc/adr/0019).
 * <p>
 * In the deposit's transaction, the row stayed locked until the deposit committed — dossier, timeline, process
 * start and all: every deposit waited for the previous one, 68 ms on average with four applicants at once, and
 * deposits could never go faster than one deposit's transaction at a time (issue 13). Here the lock lasts for the
 * increment only. The number is then taken even if the deposit fails afterwards: numbers are unique and increasing,
 * and a deposit that fails after its number (rare: the checks of form, rules and structure come before it) leaves a
 * gap.
 * <p>
 * Its own pool, not the application's: a deposit holds an application connection while it asks for a number; were
 * the number taken on a second application connection, fifteen deposits at once would hold all fifteen and wait for
 * a sixteenth. The numbering transaction needs nothing else, so it always ends.
 * <p>
 * Its commit does not wait for the disk ({@code synchronous_commit = off}): PostgreSQL writes its journal in order,
 * so the deposit's commit, which waits, makes the increment durable with it; after a crash before that commit, the
 * increment may be lost with the deposit, and the number is given again.
 */
@Repository
class JdbcNumeroteurDossier implements NumeroteurDossier, DisposableBean {

    private static final String INCREMENT = """
            insert into compteur_numero (prefixe, annee, dernier) values (?, ?, 1)
            on conflict (prefixe, annee) do update set dernier = compteur_numero.dernier + 1
            returning dernier
            """;

    private final DataSource principale;
    private volatile HikariDataSource propre;

    JdbcNumeroteurDossier(DataSource principale) {
        this.principale = principale;
    }

    @Override
    public String prochain(Appel appel, int annee) {
        if (!enveloppeHikari()) {
            // Not a Hikari pool (a DataSource from elsewhere): no pool of its own to build; the number is taken in the deposit's
            // transaction, as before (the counter row then stays locked until the deposit commits).
            return dansLaTransaction(appel, annee);
        }
        try (Connection c = pool().getConnection()) {
            c.setAutoCommit(false);
            try {
                if (c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
                    try (Statement s = c.createStatement()) {
                        s.execute("set local synchronous_commit = off");
                    }
                }
                int n;
                try (PreparedStatement p = c.prepareStatement(INCREMENT)) {
                    p.setString(1, appel.prefixe());
                    p.setInt(2, annee);
                    try (ResultSet r = p.executeQuery()) {
                        r.next();
                        n = r.getInt(1);
                    }
                }
                c.commit();
                return String.format("%s-%d-%04d", appel.prefixe(), annee, n);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Numéro de dossier impossible à obtenir", e);
        }
    }

    private boolean enveloppeHikari() {
        try {
            return principale.isWrapperFor(HikariDataSource.class);
        } catch (SQLException e) {
            return false;
        }
    }

    private String dansLaTransaction(Appel appel, int annee) {
        int n = org.springframework.jdbc.core.simple.JdbcClient.create(principale).sql(INCREMENT).param(appel.prefixe()).param(annee)
                .query(Integer.class).single();
        return String.format("%s-%d-%04d", appel.prefixe(), annee, n);
    }

    /** Built on first use from the application's pool (same database, account and timeouts). */
    private HikariDataSource pool() throws SQLException {
        HikariDataSource p = propre;
        if (p == null) {
            synchronized (this) {
                p = propre;
                if (p == null) {
                    HikariDataSource modele = principale.unwrap(HikariDataSource.class);
                    p = new HikariDataSource();
                    p.setJdbcUrl(modele.getJdbcUrl());
                    p.setUsername(modele.getUsername());
                    p.setPassword(modele.getPassword());
                    if (modele.getDriverClassName() != null) {
                        p.setDriverClassName(modele.getDriverClassName());
                    }
                    p.setConnectionTimeout(modele.getConnectionTimeout());
                    p.setValidationTimeout(modele.getValidationTimeout());
                    p.setMaximumPoolSize(2);
                    p.setMinimumIdle(0);
                    p.setPoolName("fabriques-numerotation");
                    propre = p;
                }
            }
        }
        return p;
    }

    @Override
    public void destroy() {
        HikariDataSource p = propre;
        if (p != null) {
            p.close();
        }
    }
}
