package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.domain.Convention;
import java.util.Optional;

public interface ConventionRepository {

    void ajouter(Convention convention);

    Optional<Convention> parDossier(long dossierId);

    void mettreAJour(Convention convention);

    /** Marks the laureate's commitment released; false if it already was (released once only). */
    boolean marquerEngagementLibere(long dossierId);

    /** How many months an amendment moved the convention's anniversaries later (0 when never). */
    int decalageMois(long dossierId);

    /** Applies an amendment: the convention's current amounts and the total shift of its calendar. */
    void modifier(long dossierId, fr.gouv.fabriques.domain.MontantsAnnuels montants, int decalageMois);

    default Convention exiger(long dossierId) {
        return parDossier(dossierId).orElseThrow(() -> new IllegalStateException("Aucune convention pour le dossier " + dossierId));
    }
}
