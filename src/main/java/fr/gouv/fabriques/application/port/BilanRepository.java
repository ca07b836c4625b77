package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.domain.DecisionBilan;
import java.time.Instant;
import java.util.Optional;

public interface BilanRepository {

    /** Records a (new version of the) report of a year; a resubmission clears the previous decision. */
    void deposer(long dossierId, int annee, String commentaire, Instant le);

    void decider(long dossierId, int annee, DecisionBilan decision, String motif, String par, Instant le);

    Optional<Bilan> parDossierEtAnnee(long dossierId, int annee);

    record Bilan(long dossierId, int annee, Instant deposeLe, String commentaire, DecisionBilan decision, String decidePar) {
    }
}
