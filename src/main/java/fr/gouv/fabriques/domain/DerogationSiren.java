package fr.gouv.fabriques.domain;

import java.time.Instant;

/**
 * A programme manager's exception to {@link UneFabriqueParStructure} for one company, with its
 * reason (e.g. a second tiers-lieu of a network). It admits exactly one deposit: once used,
 * {@code dossier} holds that dossier's number.
 */
public record DerogationSiren(long id, String siren, String motif, String raisonSociale, String accordeePar, Instant accordeeLe,
        String dossier, Instant utiliseeLe) {

    public boolean utilisee() {
        return dossier != null;
    }
}
