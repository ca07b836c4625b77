package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.domain.Violation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The deployed versions of the project's processes and the moving of running instances from one
 * version to another (README « Nouvelle version d'un processus : migrer les dossiers en cours »,
 * ADR 0016). Each process key is migrated on its own: a dossier's called processes stay on their
 * version until their own key is migrated.
 */
public interface VersionsProcessus {

    /** Every process of the project (one per BPMN file), its versions, newest first. */
    List<Processus> processus();

    /** One process by its short key (« dossier », « versement-annuel ») or its engine key (« Process_Dossier »). */
    Optional<Processus> processus(String cle);

    /**
     * The plan from version {@code source} to version {@code cible} of {@code cle}: the same
     * activities mapped, checked by the engine and against the forms of the target's deployment,
     * for the running instances of the source version (those of {@code clesMetier} only, when given).
     */
    Plan planifier(String cle, int source, int cible, Optional<List<String>> clesMetier);

    /** Starts the migration of the plan's instances as a batch of the engine (the plan must be valid). */
    String lancer(Plan plan);

    /** Where a batch stands, for the instances it was given, now on version {@code definitionCible} or not. */
    Suivi suivre(String batchId, List<String> instances, String definitionCible);

    /**
     * A process of the project.
     *
     * @param cle      short key, the BPMN file's name (« versement-annuel »)
     * @param cleMoteur the engine's process key (« Process_VersementAnnuel »)
     */
    record Processus(String cle, String cleMoteur, String nom, List<Version> versions) {

        public long instancesEnCours() {
            return versions.stream().mapToLong(Version::instancesEnCours).sum();
        }

        public Optional<Version> version(int numero) {
            return versions.stream().filter(v -> v.version() == numero).findFirst();
        }

        public Optional<Version> derniere() {
            return versions.stream().findFirst();
        }
    }

    /** One deployed version and the running instances on it. */
    record Version(String definitionId, int version, String versionTag, String deploiementId, String deploiementNom,
            Instant deploieLe, long instancesEnCours) {
    }

    /** One activity of the source mapped to the target's activity of the same id. */
    record Correspondance(String activite, String nomSource, String nomCible) {
    }

    /** A running instance the plan covers: its business key (dossier number, wave code) and where it waits. */
    record Instance(String id, String cleMetier, List<Attente> attentes) {
    }

    /**
     * Where an instance waits: an activity (task, message, timer, called process…) or, with
     * {@code tacheDeFond}, a job of the engine before or after it (asynchronous continuation).
     */
    record Attente(String activite, String nom, boolean tacheDeFond) {
    }

    /**
     * A migration plan, checked.
     *
     * @param sansCorrespondance source activities with no equal activity in the target (« nom (id) »)
     * @param erreurs            why the plan cannot run, in French, each with the input it comes from
     *                           ({@code cible}: the target version; {@code clesMetier}: the instances); empty when it can
     */
    record Plan(String cle, String cleMoteur, Version source, Version cible, List<Correspondance> correspondances,
            List<String> sansCorrespondance, List<Violation> erreurs, List<Instance> instances) {

        public boolean valide() {
            return erreurs.isEmpty() && !instances.isEmpty();
        }
    }

    /** Where a migration batch stands. */
    record Suivi(Etat etat, int migrees, int nonMigrees, int terminees, int echecs, List<String> messagesEchec) {
    }

    /** EN_COURS: jobs left; EN_ECHEC: only failed jobs left (incidents on the batch); TERMINE: the batch is done. */
    enum Etat {
        EN_COURS, EN_ECHEC, TERMINE
    }
}
