package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.domain.Avis;
import fr.gouv.fabriques.domain.Critere;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.Notation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The record of a dossier's instruction: completeness, referent opinion, proposal and its validation. */
public interface InstructionRepository {

    /**
     * The eligibility decision: its reasons (none for an eligible dossier) and the version of the
     * table that gave them.
     */
    void enregistrerEligibilite(long dossierId, RegleEligibilite.Evaluation evaluation);

    void enregistrerCompletude(long dossierId, boolean complet, String piecesManquantes, String par, Instant le);

    void enregistrerAvis(long dossierId, Avis avis, String commentaire, String par, Instant le);

    void enregistrerAbsenceAvis(long dossierId, Instant le);

    /**
     * The scored proposal: the scores, the weights of the grid they were scored with, their
     * weighted total, the recommendation they lead to and the versions of the grid's tables that gave
     * the weights and the recommendation.
     */
    void enregistrerProposition(long dossierId, Notation notation, Map<Critere, Integer> poids, BigDecimal score, Avis recommandation,
            MontantsAnnuels montants, String motif, String par, Instant le, VersionsGrille grille);

    /** The decision on the current proposal; every decision is also kept in its history (a proposal sent back, then another). */
    void enregistrerValidation(long dossierId, boolean validee, String commentaire, String par, Instant le);

    Optional<Proposition> proposition(long dossierId);

    /** The versions of bpmn/notation-instruction.dmn's two decisions a proposal was scored with. */
    record VersionsGrille(VersionDecision poids, VersionDecision recommandation) {
    }

    record Proposition(Avis avis, BigDecimal score, MontantsAnnuels montants, String motif, String instruitPar, Instant instruitLe) {
    }
}
