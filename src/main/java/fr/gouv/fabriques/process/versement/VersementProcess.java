package fr.gouv.fabriques.process.versement;

/**
 * bpmn/versement-annuel.bpmn — one yearly payment: wait for the anniversary and the
 * previous report, order, validate by a second agent (four eyes), issue once. bpmn/bilan-annuel.bpmn — one
 * annual report: wait for it, examine it, corrections loop.
 */
public final class VersementProcess {

    public static final String CLE_VERSEMENT = "Process_VersementAnnuel";
    public static final String FICHIER_VERSEMENT = "bpmn/versement-annuel.bpmn";
    public static final String CLE_BILAN = "Process_BilanAnnuel";
    public static final String FICHIER_BILAN = "bpmn/bilan-annuel.bpmn";

    public static final String TACHE_PREPARER = "ServiceTask_PreparerVersement";
    public static final String TIMER_ECHEANCE = "TimerEvent_EcheanceVersement";
    public static final String CALL_BILAN_PRECEDENT = "CallActivity_BilanPrecedent";
    public static final String TACHE_ORDONNANCER = "UserTask_OrdonnancerVersement";
    public static final String TACHE_VALIDER_ORDRE = "UserTask_ValiderOrdreVersement";
    public static final String TACHE_ENREGISTRER_REVERSEMENT_RECU = "UserTask_EnregistrerReversementRecu";
    public static final String TACHE_VALIDER_REVERSEMENT_RECU = "UserTask_ValiderReversementRecu";
    public static final String TACHE_EXAMINER_REGULARISATION = "UserTask_ExaminerRegularisation";
    public static final String TACHE_EMETTRE = "ServiceTask_EmettreOrdreVersement";
    public static final String FIN_VERSEMENT = "EndEvent_VersementEmis";

    public static final String ATTENTE_BILAN = "ReceiveTask_AttendreBilan";
    public static final String TACHE_VALIDER_BILAN = "UserTask_ValiderBilanAnnuel";
    public static final String FIN_BILAN_APPROUVE = "EndEvent_BilanApprouve";
    public static final String FIN_BILAN_REJETE = "EndEvent_BilanRejete";

    public static final String MESSAGE_BILAN_DEPOSE = "BilanDepose";

    /** The year of the payment (multi-instance element). */
    public static final String VAR_ANNEE = "annee";
    /** In the report process: the year of the report. */
    public static final String VAR_ANNEE_BILAN = "anneeBilan";
    public static final String VAR_BILAN_REQUIS = "bilanRequis";
    public static final String VAR_DATE_ECHEANCE = "dateEcheance";
    public static final String VAR_DECISION_BILAN = "decisionBilan";
    /** For the forms (computed when they open): the amount to order or validate, and who ordered it. */
    public static final String VAR_MONTANT_VERSEMENT = "montantVersement";
    public static final String VAR_ORDONNATEUR = "ordonnateur";
    /** For the ordering form: why the validator sent the order back, if he did. */
    public static final String VAR_RENVOI = "renvoiOrdre";
    /** Set by the validation listener from the use case's result; read by Gateway_OrdreValide. */
    public static final String VAR_ORDRE_VALIDE = "ordreValide";

    private VersementProcess() {
    }
}
