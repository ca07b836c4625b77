package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.domain.DecisionComite;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Committee decisions: proposed by the committee for a wave, then published by a programme manager. */
public interface DecisionComiteRepository {

    /** Records (or replaces) the committee's proposed decision on a dossier for its wave. */
    void proposer(DecisionComite decision, long engagement);

    /** The proposed, not yet published, decisions of a wave. */
    List<Proposition> propositions(String vague);

    /** Forgets the dossier's proposed (unpublished) decisions: it left the session (withdrawn, cancelled). */
    void retirerPropositions(long dossierId);

    /** Publishes the proposed decisions of a wave. */
    int publier(String vague, String par, Instant le);

    /** The latest published decision on the dossier. */
    Optional<DecisionComite> derniere(long dossierId);

    /** What the dossier's latest laureate decision committed (amounts and supplement), as amended by its applied amendments. */
    long engagement(long dossierId);

    List<DecisionComite> toutes(long dossierId);

    record Proposition(DecisionComite decision, long engagement) {
    }
}
