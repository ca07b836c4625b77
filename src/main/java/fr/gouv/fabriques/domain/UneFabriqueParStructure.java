package fr.gouv.fabriques.domain;

import java.util.Collection;
import java.util.Optional;

/**
 * « Une Fabrique par structure » (README « Le programme en bref »), judged on the company (SIREN),
 * not on the establishment (SIRET): a new application is blocked by any dossier of the same SIREN
 * that is still open, or that the programme has funded, even once settled. A refused,
 * inadmissible, dropped or lapsed dossier does not block. A programme manager may grant an
 * exception with a recorded reason ({@link DerogationSiren}).
 */
public final class UneFabriqueParStructure {

    /** Why the company may not apply again. */
    public enum Obstacle {
        /** A dossier of the same SIREN was chosen or funded by the programme (laureate onwards, settled included). */
        DEJA_FINANCEE,
        /** A dossier of the same SIREN is still in progress (deposited, in instruction, awaiting the committee…). */
        DOSSIER_EN_COURS
    }

    private UneFabriqueParStructure() {
    }

    /** The obstacle raised by the statuses of the dossiers already held for the same SIREN; empty if none. */
    public static Optional<Obstacle> obstacle(Collection<StatutDossier> statutsMemeSiren) {
        if (statutsMemeSiren.stream().anyMatch(StatutDossier::estFinance)) {
            return Optional.of(Obstacle.DEJA_FINANCEE);
        }
        if (statutsMemeSiren.stream().anyMatch(s -> !s.estFinal())) {
            return Optional.of(Obstacle.DOSSIER_EN_COURS);
        }
        return Optional.empty();
    }
}
