package fr.gouv.fabriques.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An application killed (kill -9 of a child JVM) leaves its PostgreSQL running on the data directory:
 * the next start detects the orphan, stops it and restarts on the same data, durably; a stale
 * postmaster.pid (server killed too) is recognised as such. No Spring context: the embedded server alone.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PostgresOrphelinIT {

    private final File donnees = new File("target/postgres-orphelin/donnees").getAbsoluteFile();
    private final File binaires = new File(donnees.getParentFile(), "postgres-binaires");

    @Test
    void unServeurOrphelinEstDetecteArretePuisRedemarreSurLesMemesDonnees() throws Exception {
        Process enfant = new ProcessBuilder(new File(System.getProperty("java.home"), "bin/java").getPath(),
                "-cp", System.getProperty("java.class.path"), ServeurLaisseParUnKill.class.getName(), donnees.getPath())
                .redirectErrorStream(true).start();
        long pidOrphelin;
        try (BufferedReader sortie = new BufferedReader(new InputStreamReader(enfant.getInputStream(), StandardCharsets.UTF_8))) {
            String ligne;
            while ((ligne = sortie.readLine()) != null && !ligne.startsWith("PRET ")) {
                System.out.println("[enfant] " + ligne);
            }
            assertThat(ligne).as("l'enfant a démarré PostgreSQL").isNotNull();
            pidOrphelin = Long.parseLong(ligne.substring(5).strip());
            enfant.destroyForcibly(); // SIGKILL: no shutdown hook, no pg_ctl stop
            assertThat(enfant.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(ProcessHandle.of(pidOrphelin).map(ProcessHandle::isAlive)).as("le serveur a survécu à l'application").contains(true);

        try (PostgresEmbarque pg = PostgresEmbarque.demarrer(donnees, binaires, 0, false)) {
            assertThat(pg.reprise()).isEqualTo(PostgresEmbarque.Reprise.ORPHELIN_ARRETE);
            assertThat(ProcessHandle.of(pidOrphelin).map(ProcessHandle::isAlive).orElse(false)).as("l'orphelin est arrêté").isFalse();
            assertThat(pg.pid()).isPresent().isNotEqualTo(java.util.Optional.of(pidOrphelin));
            verifierDonneesEtDurabilite(pg);
        }

        // The server killed as well (machine lost): postmaster.pid names a process that is gone.
        Files.writeString(donnees.toPath().resolve("postmaster.pid"), enfant.pid() + "\n" + donnees + "\n");
        try (PostgresEmbarque pg = PostgresEmbarque.demarrer(donnees, binaires, 0, false)) {
            assertThat(pg.reprise()).isEqualTo(PostgresEmbarque.Reprise.PID_PERIME);
            verifierDonneesEtDurabilite(pg);
        }
        try (PostgresEmbarque pg = PostgresEmbarque.demarrer(donnees, binaires, 0, false)) {
            assertThat(pg.reprise()).isEqualTo(PostgresEmbarque.Reprise.ARRET_PROPRE);
        }
    }

    private static void verifierDonneesEtDurabilite(PostgresEmbarque pg) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), "postgres", "postgres"); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("select texte from temoin where id = 1")) {
                assertThat(r.next()).as("la ligne validée avant le kill est là").isTrue();
                assertThat(r.getString(1)).isEqualTo("écrit avant le kill -9");
            }
            for (String reglage : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                try (ResultSet r = s.executeQuery("show " + reglage)) {
                    r.next();
                    assertThat(r.getString(1)).as(reglage).isEqualTo("on");
                }
            }
        }
    }
}
