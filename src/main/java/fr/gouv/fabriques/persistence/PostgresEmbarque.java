package fr.gouv.fabriques.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded PostgreSQL server of a local run, started durably (fsync and synchronous commit on:
 * the library turns them off for throw-away test databases) and never on top of a server left by a
 * killed application: {@code pg_ctl} leaves the postmaster running when the JVM dies, and the library
 * would then connect to that orphan — started with the dead application's settings — and call it started.
 * Before starting, the data directory is inspected ({@link Reprise}); an orphan is stopped (fast shutdown:
 * its transactions are rolled back, committed ones are on disk) and the server restarted with the current
 * settings; a stale {@code postmaster.pid} is removed. The log says which.
 */
public final class PostgresEmbarque implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresEmbarque.class);
    private static final Duration ARRET_ORPHELIN = Duration.ofSeconds(30);

    /** What was found in the data directory before the start. */
    public enum Reprise {
        /** A new or cleaned directory: initdb. */
        NOUVEAU,
        /** Data left by a clean stop. */
        ARRET_PROPRE,
        /** postmaster.pid named a process that no longer runs (server killed with the machine or kill -9): removed, crash recovery by PostgreSQL. */
        PID_PERIME,
        /** A server still running on this directory, left by an application that was killed: stopped, then restarted. */
        ORPHELIN_ARRETE
    }

    private final EmbeddedPostgres serveur;
    private final Reprise reprise;
    private final File donnees;

    private PostgresEmbarque(EmbeddedPostgres serveur, Reprise reprise, File donnees) {
        this.serveur = serveur;
        this.reprise = reprise;
        this.donnees = donnees;
    }

    /**
     * @param donnees  the data directory (kept between runs unless {@code nettoyer})
     * @param binaires where the PostgreSQL binaries are unpacked
     * @param port     0 for any free port
     * @param nettoyer start from an empty directory (tests)
     */
    public static PostgresEmbarque demarrer(File donnees, File binaires, int port, boolean nettoyer) throws IOException {
        return demarrer(donnees, binaires, port, nettoyer, false);
    }

    /**
     * @param statistiquesSql load pg_stat_statements (time spent by the server per statement; a diagnosis, e.g. with
     *        the benchmark's -Dbanc.sql=true): fabriques.postgres-embarque.statistiques-sql
     */
    public static PostgresEmbarque demarrer(File donnees, File binaires, int port, boolean nettoyer, boolean statistiquesSql)
            throws IOException {
        donnees = donnees.getAbsoluteFile();
        verifierLibre(donnees);
        Reprise reprise = reprendre(donnees);
        if (nettoyer && donnees.exists()) {
            FileSystemUtils.deleteRecursively(donnees);
            reprise = Reprise.NOUVEAU;
        }
        if (!new File(donnees, "postgresql.conf").exists()) {
            reprise = Reprise.NOUVEAU;
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(donnees)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaires.getAbsoluteFile())
                .setServerConfig("listen_addresses", "127.0.0.1")
                // Durable: the library starts postgres with -F (fsync off) and synchronous_commit off; -c options come after -F and win.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setLocaleConfig("encoding", "UTF8")
                // Crash recovery after a kill may take longer than the library's 10 s.
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false);
        if (port > 0) {
            builder.setPort(port);
        }
        if (statistiquesSql) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        EmbeddedPostgres serveur = builder.start();
        PostgresEmbarque pg = new PostgresEmbarque(serveur, reprise, donnees);
        LOG.info("PostgreSQL embarqué démarré sur 127.0.0.1:{} (PID {}, données : {}) — {}", serveur.getPort(),
                pg.pid().map(String::valueOf).orElse("?"), donnees, description(reprise));
        return pg;
    }

    private static String description(Reprise reprise) {
        return switch (reprise) {
            case NOUVEAU -> "base neuve";
            case ARRET_PROPRE -> "reprise après un arrêt propre";
            case PID_PERIME -> "reprise après un arrêt brutal du serveur (postmaster.pid périmé supprimé, récupération par PostgreSQL)";
            case ORPHELIN_ARRETE -> "reprise après un arrêt brutal de l'application (serveur orphelin arrêté proprement puis redémarré)";
        };
    }

    /** A directory held by a running application (the library's lock file) is refused: two servers on one directory would corrupt it. */
    private static void verifierLibre(File donnees) throws IOException {
        File verrou = new File(donnees, "epg-lock");
        if (!verrou.exists()) {
            return;
        }
        try (FileOutputStream flux = new FileOutputStream(verrou, true); FileLock lock = flux.getChannel().tryLock()) {
            if (lock == null) {
                throw new IllegalStateException(autreInstance(donnees));
            }
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException(autreInstance(donnees), e);
        }
    }

    private static String autreInstance(File donnees) {
        return "Le répertoire de PostgreSQL embarqué " + donnees + " est déjà utilisé par une autre instance de l'application : "
                + "arrêtez-la, ou donnez un autre répertoire (FABRIQUES_POSTGRESEMBARQUE_REPERTOIRE).";
    }

    private static Reprise reprendre(File donnees) throws IOException {
        Path fichierPid = donnees.toPath().resolve("postmaster.pid");
        if (!Files.exists(fichierPid)) {
            return Reprise.ARRET_PROPRE;
        }
        Optional<Long> pid = lirePid(fichierPid);
        Optional<ProcessHandle> processus = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).filter(PostgresEmbarque::estPostgres);
        if (processus.isEmpty()) {
            LOG.warn("PostgreSQL embarqué : postmaster.pid (PID {}) laissé par un serveur qui ne tourne plus ; fichier supprimé avant le démarrage",
                    pid.map(String::valueOf).orElse("illisible"));
            Files.delete(fichierPid);
            return Reprise.PID_PERIME;
        }
        ProcessHandle orphelin = processus.get();
        LOG.warn("PostgreSQL embarqué : un serveur orphelin (PID {}) tourne encore sur {}, laissé par une application arrêtée brutalement ; "
                + "arrêt rapide puis redémarrage avec la configuration actuelle", orphelin.pid(), donnees);
        arreter(orphelin);
        return Reprise.ORPHELIN_ARRETE;
    }

    private static Optional<Long> lirePid(Path fichierPid) throws IOException {
        List<String> lignes = Files.readAllLines(fichierPid);
        try {
            return lignes.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lignes.get(0).strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean estPostgres(ProcessHandle p) {
        return p.info().command().map(c -> c.endsWith("/postgres") || c.endsWith("/postmaster")).orElse(false);
    }

    /** SIGINT is PostgreSQL's fast shutdown (sessions cut, checkpoint); SIGQUIT, its immediate one, if that does not end in time. */
    private static void arreter(ProcessHandle orphelin) throws IOException {
        for (String signal : new String[] {"-INT", "-QUIT"}) {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(orphelin.pid())).inheritIO().start();
            try {
                kill.waitFor(5, TimeUnit.SECONDS);
                orphelin.onExit().get(ARRET_ORPHELIN.toSeconds(), TimeUnit.SECONDS);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrompu pendant l'arrêt du PostgreSQL orphelin", e);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                LOG.warn("PostgreSQL orphelin (PID {}) toujours là après kill {}", orphelin.pid(), signal);
            }
        }
        throw new IllegalStateException("Impossible d'arrêter le PostgreSQL orphelin (PID " + orphelin.pid() + ") : arrêtez-le à la main.");
    }

    public EmbeddedPostgres serveur() {
        return serveur;
    }

    public Reprise reprise() {
        return reprise;
    }

    public int port() {
        return serveur.getPort();
    }

    public String jdbcUrl() {
        return serveur.getJdbcUrl("postgres", "postgres");
    }

    /** The postmaster's PID, from postmaster.pid. */
    public Optional<Long> pid() {
        try {
            Path fichierPid = donnees.toPath().resolve("postmaster.pid");
            return Files.exists(fichierPid) ? lirePid(fichierPid) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() throws IOException {
        serveur.close();
    }
}
