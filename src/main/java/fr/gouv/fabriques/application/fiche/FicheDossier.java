package fr.gouv.fabriques.application.fiche;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The dossier sheet (« fiche du dossier »): everything the agents know of one dossier, read
 * from the database when asked (never from process variables). A part the dossier has not
 * reached yet is null ({@code completude}, {@code avisTerritorial}, {@code instruction},
 * {@code validation}, {@code comite}, {@code convention}, {@code versements}); lists are never
 * null and in chronological order. Codes ({@code statut}, {@code categorie}…) come with their
 * French wording ({@code …Libelle}) where the programme has one. Links are relative to the
 * application and open with the agent's Tasklist session or HTTP Basic.
 */
public record FicheDossier(String numero, String statut, String statutLibelle, Instant deposeLe, Instant modifieLe,
        Structure structure, Contact contact, Projet projet, Demande demande, List<Piece> pieces, Completude completude,
        AvisTerritorial avisTerritorial, Instruction instruction, Validation validation, Comite comite, Convention convention,
        Versements versements, List<EntreeJournal> journal) {

    public FicheDossier {
        pieces = List.copyOf(pieces);
        journal = List.copyOf(journal);
    }

    /** The full sheet's page, for browsers: {@code /agents/dossiers/{numero}}. */
    public String lienPage() {
        return Liens.page(numero);
    }

    /** {@code siret}: 14 digits; {@code codeQpv}: null outside a QPV. */
    public record Structure(String raisonSociale, String siret, String formeJuridique, String formeJuridiqueLibelle, String adresse,
            String codePostal, String commune, String codeInsee, String departement, String region, String codeQpv) {
    }

    public record Contact(String nom, String email, String telephone) {
    }

    /** {@code services}: the codes the applicant chose (COWORKING…); {@code etpFinances}: full-time posts funded. */
    public record Projet(String nom, String description, List<String> services, String partenaires, String gouvernance,
            BigDecimal etpFinances) {

        public Projet {
            services = services == null ? List.of() : List.copyOf(services);
        }
    }

    /** Whole euros, per year of the three-year grant. */
    public record Montants(int annee1, int annee2, int annee3, int total) {
    }

    /** What is asked, in which call and category; {@code vague}: the dossier's current wave (the next one once carried over). */
    public record Demande(String appel, String appelLibelle, String categorie, String categorieLibelle, String vague,
            Montants montantsDemandes) {
    }

    /** {@code type}: MIME type recognised from the content; {@code taille} in bytes; {@code lien}: download for agents. */
    public record Piece(long id, String nom, String categorie, String categorieLibelle, String type, String typeLibelle, long taille,
            Instant deposeeLe, String lien) {
    }

    /**
     * The completeness check: the last verdict ({@code complet} null until given; {@code piecesManquantes}
     * of the last request) and every exchange with the applicant. {@code motifsIrrecevabilite}: the
     * reasons of an ineligible deposit, null otherwise.
     */
    public record Completude(Boolean complet, String piecesManquantes, String verifieePar, Instant verifieeLe,
            String motifsIrrecevabilite, List<Echange> echanges) {

        public Completude {
            echanges = List.copyOf(echanges);
        }
    }

    /**
     * One step of the completeness check, from the dossier's timeline. {@code nature}: RECEVABILITE,
     * IRRECEVABILITE, DEMANDE_COMPLEMENTS, COMPLEMENTS_RECUS, COMPLETUDE or CLASSEMENT_SANS_SUITE;
     * {@code texte}: the timeline's wording (500 characters at most).
     */
    public record Echange(Instant le, String acteur, String nature, String texte) {
    }

    /** The referent's opinion (FAVORABLE, RESERVE, DEFAVORABLE), or {@code absent}: the deadline passed without one. */
    public record AvisTerritorial(String avis, boolean absent, String commentaire, String par, Instant le) {
    }

    /**
     * The instructor's scored proposal. {@code poidsEnregistres}: the weights are those the score was
     * computed with; false when they are the scoring grid's current ones (a proposal recorded before
     * the weights were kept with it), null weights when even those could not be read.
     * {@code renvois}: how many times a proposal of this dossier was sent back.
     */
    public record Instruction(List<Note> notes, boolean poidsEnregistres, BigDecimal score, String recommandation,
            Montants montantsProposes, String motivation, String instruitPar, Instant instruitLe, int renvois) {

        public Instruction {
            notes = List.copyOf(notes);
        }

        /** Whether a proposal of this dossier was sent back to the instructor at least once. */
        public boolean renvoyee() {
            return renvois > 0;
        }
    }

    /** A criterion's score (0 to 5) and its weight in the total. */
    public record Note(String critere, String libelle, int note, Integer poids) {
    }

    /**
     * The decisions on the instructor's proposals. {@code derniere}: the latest; {@code commentaireRenvoi}:
     * the comment of the latest sending back (null if none); {@code enAttente}: a new proposal
     * awaits a decision (the latest one was sent back, then instructed again).
     */
    public record Validation(DecisionValidation derniere, String commentaireRenvoi, boolean enAttente,
            List<DecisionValidation> historique) {

        public Validation {
            historique = List.copyOf(historique);
        }
    }

    /** {@code decision}: VALIDEE or A_REVOIR. */
    public record DecisionValidation(String decision, String commentaire, String par, Instant le) {
    }

    /** The committee's decisions, proposed or published, oldest first; {@code derniere}: the latest. */
    public record Comite(DecisionComite derniere, List<DecisionComite> decisions) {

        public Comite {
            decisions = List.copyOf(decisions);
        }
    }

    /**
     * {@code decision}: LAUREAT, REFUSE or AJOURNE; {@code etat}: PUBLIEE (published by a programme
     * manager, notified) or PROPOSEE (the committee's proposal, not published yet);
     * {@code montantsAccordes}: a laureate's amounts, null otherwise.
     */
    public record DecisionComite(String vague, String decision, String decisionLibelle, String etat, Montants montantsAccordes,
            String motivation, String decidePar, Instant decideLe, String publieePar, Instant publieeLe) {

        public boolean publiee() {
            return "PUBLIEE".equals(etat);
        }
    }

    /**
     * The convention: {@code statut} A_SIGNER, SIGNEE_PORTEUR, SIGNEE, CADUQUE or SOLDEE; links to its
     * PDF and to the copy the laureate signed, null while they do not exist.
     */
    public record Convention(String reference, String statut, String statutLibelle, Montants montants, int supplementNumerique,
            Instant etablieLe, Instant signeePorteurLe, String signatairePorteur, Instant signeeEtatLe, String signataireEtat,
            String lienConvention, String lienConventionSignee, int decalageMois, List<Avenant> avenants) {

        /** A convention never amended. */
        public Convention(String reference, String statut, String statutLibelle, Montants montants, int supplementNumerique,
                Instant etablieLe, Instant signeePorteurLe, String signatairePorteur, Instant signeeEtatLe, String signataireEtat,
                String lienConvention, String lienConventionSignee) {
            this(reference, statut, statutLibelle, montants, supplementNumerique, etablieLe, signeePorteurLe, signatairePorteur,
                    signeeEtatLe, signataireEtat, lienConvention, lienConventionSignee, 0, List.of());
        }

        public Convention {
            avenants = avenants == null ? List.of() : List.copyOf(avenants);
        }
    }

    /**
     * Amendment n°{@code numero} to the convention: {@code changements} in words (old → new), its
     * {@code etat} (PROPOSE, REJETE, A_SIGNER, SIGNE_PORTEUR, APPLIQUE, CADUC), who and when at each step,
     * the SHA-256 and links of its PDFs. The convention's {@code montants} are the current ones (as amended).
     */
    public record Avenant(int numero, String reference, String etat, String etatLibelle, String changements, String motif,
            Montants montantsAvant, Montants montants, Integer decalageMois, String siretAvant, String siret, String proposePar,
            Instant proposeLe, String validePar, Instant valideLe, String rejetePar, Instant rejeteLe, String motifRejet,
            String signatairePorteur, Instant signePorteurLe, String signeEtatPar, Instant signeEtatLe, Instant appliqueLe,
            String sha256, String sha256Signe, String lienAvenant, String lienAvenantSigne) {
    }

    /** Payments, annual reports and recovery orders; totals of what was issued and recovered. */
    public record Versements(List<Versement> versements, List<Bilan> bilans, List<Reversement> reversements, int totalVerse,
            int totalReverse) {

        public Versements {
            versements = List.copyOf(versements);
            bilans = List.copyOf(bilans);
            reversements = List.copyOf(reversements);
        }
    }

    /** {@code statut}: PREVU, ORDONNANCE or EMIS. */
    /** statut: PREVU, ORDONNANCE (awaiting the second signature), VALIDE (to be issued), EMIS. */
    public record Versement(int annee, int montant, String statut, String ordonnancePar, Instant ordonnanceLe, String validePar,
            Instant valideLe, Instant emisLe, String reference) {
    }

    /** {@code decision}: APPROUVE, CORRECTIONS, REJETE, or null while it is examined. */
    public record Bilan(int annee, Instant deposeLe, String commentaire, String decision, String motif, String decidePar,
            Instant decideLe) {
    }

    public record Reversement(int montant, String motif, String decidePar, Instant decideLe) {
    }

    /** An entry of the dossier's timeline; {@code visiblePorteur}: the applicant sees it too. */
    public record EntreeJournal(Instant le, String acteur, String type, String libelle, boolean visiblePorteur) {
    }
}
