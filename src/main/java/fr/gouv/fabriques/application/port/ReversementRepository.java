package fr.gouv.fabriques.application.port;

import java.time.Instant;

public interface ReversementRepository {

    void ajouter(long dossierId, int montant, String motif, String par, Instant le);

    int totalReverse(long dossierId);
}
