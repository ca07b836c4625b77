package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.domain.DecisionComite;
import java.util.List;
import java.util.Optional;

public interface DecisionComiteRepository {

    void ajouter(DecisionComite decision);

    /** The latest decision taken on the dossier. */
    Optional<DecisionComite> derniere(long dossierId);

    List<DecisionComite> toutes(long dossierId);
}
