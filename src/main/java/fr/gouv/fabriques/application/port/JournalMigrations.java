package fr.gouv.fabriques.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Who moved which instances from which process version to which, when, why, and by which batch of the engine. */
public interface JournalMigrations {

    long enregistrer(MigrationJournalisee migration);

    List<MigrationJournalisee> lister();

    Optional<MigrationJournalisee> parId(long id);

    /**
     * One migration launched.
     *
     * @param id        0 before it is recorded
     * @param instances the engine's ids of the instances given to the batch
     */
    record MigrationJournalisee(long id, String cle, String definitionSource, int versionSource, String definitionCible, int versionCible,
            List<String> instances, List<String> clesMetier, String batchId, String motif, String lanceePar, Instant lanceeLe) {

        public MigrationJournalisee {
            instances = List.copyOf(instances);
            clesMetier = List.copyOf(clesMetier);
        }
    }
}
