package fr.gouv.fabriques.domain;

import java.time.Instant;

/** One of the three yearly payments of a convention. Issued at most once. */
public record Versement(long dossierId, int annee, int montant, String ordonnancePar, Instant ordonnanceLe,
        Instant emisLe, String reference) {

    public boolean estEmis() {
        return emisLe != null;
    }

    public boolean estOrdonnance() {
        return ordonnanceLe != null;
    }
}
