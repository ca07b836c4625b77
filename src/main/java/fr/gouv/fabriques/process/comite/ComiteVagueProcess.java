package fr.gouv.fabriques.process.comite;

/**
 * bpmn/comite-vague.bpmn — one instance per wave (business key: the wave's code):
 * deadline or early close, closing, session preparation, bulk deliberation,
 * publication within quotas and envelope.
 */
public final class ComiteVagueProcess {

    public static final String CLE = "Process_ComiteVague";
    public static final String FICHIER = "bpmn/comite-vague.bpmn";

    public static final String TIMER_DATE_LIMITE = "TimerEvent_DateLimite";
    public static final String MESSAGE_CLOTURE = "ClotureVague";
    public static final String TACHE_CLOTURER = "ServiceTask_CloturerVague";
    public static final String TACHE_PREPARER_SEANCE = "UserTask_PreparerSeance";
    public static final String TACHE_DELIBERER = "UserTask_Deliberer";
    public static final String TACHE_ARRETER = "UserTask_ArreterDecisions";
    public static final String FIN_DELIBEREE = "EndEvent_VagueDeliberee";

    /** The wave's code (also the business key). */
    public static final String VAR_VAGUE = "vague";
    public static final String VAR_APPEL = "appel";
    /** The deposit deadline: the timer's date. */
    public static final String VAR_DATE_LIMITE = "dateLimite";
    /** Set by « Arrêter les décisions ». */
    public static final String VAR_DECISIONS_ARRETEES = "decisionsArretees";
    /** Task-local: the ranked list of the wave's dossiers (Json), edited by the committee. */
    public static final String VAR_DECISIONS = "decisions";

    private ComiteVagueProcess() {
    }
}
