package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.domain.Convention;
import java.util.Optional;

public interface ConventionRepository {

    void ajouter(Convention convention);

    Optional<Convention> parDossier(long dossierId);

    void mettreAJour(Convention convention);

    /** Marks the laureate's commitment released; false if it already was (released once only). */
    boolean marquerEngagementLibere(long dossierId);

    default Convention exiger(long dossierId) {
        return parDossier(dossierId).orElseThrow(() -> new IllegalStateException("Aucune convention pour le dossier " + dossierId));
    }
}
