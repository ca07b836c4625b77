package fr.gouv.fabriques.domain;

import java.time.Instant;

/**
 * One of the three yearly payments of a convention: ordered by one agent of the finance
 * service, validated by another (four eyes), then issued at most once.
 */
public record Versement(long dossierId, int annee, int montant, String ordonnancePar, Instant ordonnanceLe,
        String validePar, Instant valideLe, Instant emisLe, String reference, String motifRenvoi) {

    public boolean estEmis() {
        return emisLe != null;
    }

    public boolean estOrdonnance() {
        return ordonnanceLe != null;
    }

    public boolean estValide() {
        return valideLe != null;
    }
}
