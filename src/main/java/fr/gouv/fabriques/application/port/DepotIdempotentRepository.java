package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.application.depot.ResultatDepot;
import java.time.Instant;
import java.util.Optional;

/** Remembers the response of a deposit under its Idempotency-Key for the retry window. */
public interface DepotIdempotentRepository {

    Optional<Enregistrement> trouver(String cle);

    void enregistrer(String cle, String empreinte, long dossierId, ResultatDepot resultat, Instant le);

    int purgerAvant(Instant limite);

    record Enregistrement(String empreinte, ResultatDepot resultat) {
    }
}
