package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.domain.Avis;
import fr.gouv.fabriques.domain.Convention;
import fr.gouv.fabriques.domain.Critere;
import fr.gouv.fabriques.domain.DecisionBilan;
import fr.gouv.fabriques.domain.DecisionComite;
import fr.gouv.fabriques.domain.DocumentConvention;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.Piece;
import fr.gouv.fabriques.domain.Versement;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything recorded about one dossier, read at once for its sheet (application/fiche): a
 * fixed number of queries whatever the dossier holds, in one snapshot of the database.
 */
public interface FicheDossierRepository {

    /** Empty when no dossier has this number. */
    Optional<Donnees> lire(String numero);

    /**
     * The rows of the dossier. {@code instruction} and {@code convention} are null until they exist;
     * lists are in chronological order ({@code versements}, {@code bilans} by year).
     */
    record Donnees(Dossier dossier, Instruction instruction, List<Validation> validations, List<Piece> pieces,
            List<Decision> decisions, Convention convention, List<DocumentConvention> documentsConvention,
            List<Versement> versements, List<Bilan> bilans, List<Reversement> reversements, List<Journal.Evenement> journal,
            List<fr.gouv.fabriques.domain.Avenant> avenants, int decalageMois) {

        /** Without amendments (a convention never amended). */
        public Donnees(Dossier dossier, Instruction instruction, List<Validation> validations, List<Piece> pieces,
                List<Decision> decisions, Convention convention, List<DocumentConvention> documentsConvention,
                List<Versement> versements, List<Bilan> bilans, List<Reversement> reversements, List<Journal.Evenement> journal) {
            this(dossier, instruction, validations, pieces, decisions, convention, documentsConvention, versements, bilans, reversements,
                    journal, List.of(), 0);
        }

        public Donnees {
            avenants = List.copyOf(avenants);
            validations = List.copyOf(validations);
            pieces = List.copyOf(pieces);
            decisions = List.copyOf(decisions);
            documentsConvention = List.copyOf(documentsConvention);
            versements = List.copyOf(versements);
            bilans = List.copyOf(bilans);
            reversements = List.copyOf(reversements);
            journal = List.copyOf(journal);
        }
    }

    /**
     * The instruction row (nulls where a step is not reached). {@code notes} is empty before
     * the proposal; {@code poids} is empty when the proposal was recorded without its weights
     * (before they were kept with it).
     */
    record Instruction(Boolean complet, String piecesManquantes, String completudePar, Instant completudeLe,
            Avis avis, String avisCommentaire, boolean avisAbsent, String avisPar, Instant avisLe,
            Avis recommandation, BigDecimal score, Map<Critere, Integer> notes, Map<Critere, Integer> poids,
            MontantsAnnuels montantsProposes, String motif, String instruitPar, Instant instruitLe,
            String motifsIrrecevabilite) {

        public Instruction {
            notes = Map.copyOf(notes);
            poids = Map.copyOf(poids);
        }
    }

    /** One decision on a proposal, validated or sent back to the instructor. */
    record Validation(boolean validee, String commentaire, String par, Instant le) {
    }

    /** A committee's decision, proposed by the committee or published by a programme manager. */
    record Decision(DecisionComite decision, boolean publiee, String publieePar, Instant publieeLe) {
    }

    record Bilan(int annee, Instant deposeLe, String commentaire, DecisionBilan decision, String motif, String decidePar,
            Instant decideLe) {
    }

    record Reversement(int montant, String motif, String decidePar, Instant decideLe) {
    }
}
