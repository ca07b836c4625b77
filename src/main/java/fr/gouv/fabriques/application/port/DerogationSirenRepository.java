package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.domain.DerogationSiren;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where the programme managers' exceptions to « une Fabrique par structure » are kept (PostgreSQL). */
public interface DerogationSirenRepository {

    DerogationSiren ajouter(String siren, String motif, String raisonSociale, String accordeePar, Instant accordeeLe);

    Optional<DerogationSiren> parId(long id);

    /** The oldest unused exception for this SIREN, locked until the end of the caller's transaction; empty if none. */
    Optional<DerogationSiren> disponiblePour(String siren);

    /** Marks the exception as used by this dossier; refused (IllegalStateException) if it already was. */
    void utiliser(long id, long dossierId, Instant le);

    /** Every exception, newest first; only those of one SIREN when given. */
    List<DerogationSiren> lister(Optional<String> siren);
}
