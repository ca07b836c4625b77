package fr.gouv.fabriques.persistence;

import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Child JVM of {@link PostgresOrphelinIT}: starts the embedded server on a directory, commits a row,
 * says so, and waits to be killed with kill -9 — leaving its postmaster behind, as an application killed in production would.
 */
public final class ServeurLaisseParUnKill {

    public static void main(String[] args) throws Exception {
        File donnees = new File(args[0]);
        PostgresEmbarque pg = PostgresEmbarque.demarrer(donnees, new File(donnees.getParentFile(), "postgres-binaires"), 0, true);
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute("create table temoin (id int primary key, texte text not null)");
            s.execute("insert into temoin values (1, 'écrit avant le kill -9')");
        }
        System.out.println("PRET " + pg.pid().orElseThrow());
        System.out.flush();
        Thread.sleep(120_000);
    }
}
