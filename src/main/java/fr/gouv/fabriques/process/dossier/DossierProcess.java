package fr.gouv.fabriques.process.dossier;

/**
 * bpmn/dossier.bpmn — the main process of a dossier, from deposit to closure. It
 * calls one process per phase (instruction, committee, convention, yearly payments,
 * annual reports). Business key: the dossier number.
 */
public final class DossierProcess {

    public static final String CLE = "Process_Dossier";
    public static final String FICHIER = "bpmn/dossier.bpmn";

    public static final String CALL_INSTRUCTION = "CallActivity_Instruction";
    public static final String CALL_DECISION_COMITE = "CallActivity_DecisionComite";
    public static final String CALL_CONVENTION = "CallActivity_Convention";
    public static final String TACHE_ETABLIR_ECHEANCIER = "ServiceTask_EtablirEcheancier";
    public static final String CALL_VERSEMENTS = "CallActivity_VersementsAnnuels";
    public static final String CALL_BILAN_FINAL = "CallActivity_BilanFinal";
    public static final String TACHE_DECIDER_REVERSEMENT = "UserTask_DeciderReversement";
    public static final String TACHE_SOLDER = "ServiceTask_SolderConvention";

    public static final String FIN_IRRECEVABLE = "EndEvent_DossierIrrecevable";
    public static final String FIN_SANS_SUITE = "EndEvent_DossierClasseSansSuite";
    public static final String FIN_REFUSE = "EndEvent_DossierRefuse";
    public static final String FIN_CADUC = "EndEvent_DossierCaduc";
    public static final String FIN_SOLDE_APRES_REVERSEMENT = "EndEvent_SoldeApresReversement";
    public static final String FIN_RESILIE = "EndEvent_ConventionResiliee";
    public static final String FIN_SOLDE = "EndEvent_DossierSolde";

    /** Interrupting message event sub-processes: the dossier ends before its closure. */
    public static final String MESSAGE_RETRAIT = "RetraitPorteur";
    public static final String MESSAGE_RENONCIATION = "RenonciationLaureat";
    public static final String MESSAGE_ANNULATION = "AnnulationValidee";
    public static final String FIN_RETIRE = "EndEvent_DossierRetire";
    public static final String FIN_RENONCE = "EndEvent_DossierRenonce";
    public static final String FIN_ANNULE = "EndEvent_DossierAnnule";

    /** bpmn/annulation-dossier.bpmn: the second gestionnaire's validation of a cancellation. */
    public static final String CLE_ANNULATION = "Process_AnnulationDossier";
    public static final String FICHIER_ANNULATION = "bpmn/annulation-dossier.bpmn";
    public static final String TACHE_VALIDER_ANNULATION = "UserTask_ValiderAnnulation";

    /** Outcome of the instruction: INSTRUIT, IRRECEVABLE or SANS_SUITE. */
    public static final String VAR_ISSUE_INSTRUCTION = "issueInstruction";
    /** Outcome of the committee: LAUREAT, REFUSE or AJOURNE. */
    public static final String VAR_DECISION_COMITE = "decisionComite";
    /** Outcome of the convention phase: SIGNEE or CADUQUE. */
    public static final String VAR_ISSUE_CONVENTION = "issueConvention";
    /** The years to pay, from the schedule (the multi-instance collection). */
    public static final String VAR_ANNEES = "annees";
    /** Year of the final report (the last scheduled year). */
    public static final String VAR_ANNEE_BILAN_FINAL = "anneeBilanFinal";

    /** Thrown by a report rejection: payments are suspended. */
    public static final String ERREUR_BILAN_REJETE = "BILAN_REJETE";

    private DossierProcess() {
    }
}
