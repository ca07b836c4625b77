package fr.gouv.fabriques.process.versement;

/** The variables of bpmn/dossier.bpmn's suspension path, set by its listeners and delegates from the use cases' results. */
final class DossierProcessVariables {

    /** REGULARISATION or REVERSEMENT: Gateway_SuiteSuspension. */
    static final String SUITE_SUSPENSION = "suiteSuspension";
    /** The recovery ordered, in euros: Gateway_MontantReversement (0: terminated without recovery). */
    static final String MONTANT_REVERSEMENT = "montantReversementOrdonne";
    /** Whether payments remain after a regularisation: Gateway_VersementsRestants. */
    static final String VERSEMENTS_RESTANTS = "versementsRestants";
    /** Whether the amount received is validated: Gateway_ReversementRecuValide. */
    static final String REVERSEMENT_RECU_VALIDE = "reversementRecuValide";

    private DossierProcessVariables() {
    }
}
