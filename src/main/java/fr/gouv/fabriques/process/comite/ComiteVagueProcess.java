package fr.gouv.fabriques.process.comite;

/**
 * bpmn/comite-vague.bpmn — one instance per wave (business key: the wave's code):
 * deadline or early close, closing, session preparation, one decision task per
 * dossier on the agenda (parallel multi-instance), stop and asynchronous publication
 * within quotas and envelope.
 */
public final class ComiteVagueProcess {

    public static final String CLE = "Process_ComiteVague";
    public static final String FICHIER = "bpmn/comite-vague.bpmn";

    public static final String TIMER_DATE_LIMITE = "TimerEvent_DateLimite";
    public static final String MESSAGE_CLOTURE = "ClotureVague";
    public static final String TACHE_CLOTURER = "ServiceTask_CloturerVague";
    public static final String TACHE_PREPARER_SEANCE = "UserTask_PreparerSeance";
    /** One per dossier of the agenda: multi-instance over {@code ordreDuJourComite.numeros(vague)}, element variable {@link #VAR_NUMERO}. */
    public static final String TACHE_DECIDER_DOSSIER = "UserTask_DeciderDossier";
    public static final String TACHE_ARRETER = "UserTask_ArreterDecisions";
    public static final String TACHE_PUBLIER = "ServiceTask_PublierDecisions";
    public static final String ERREUR_PUBLICATION_REFUSEE = "PublicationRefusee";
    public static final String FIN_DELIBEREE = "EndEvent_VagueDeliberee";

    /** The wave's code (also the business key). */
    public static final String VAR_VAGUE = "vague";
    public static final String VAR_APPEL = "appel";
    /** The deposit deadline: the timer's date. */
    public static final String VAR_DATE_LIMITE = "dateLimite";
    /** Set by « Arrêter les décisions ». */
    public static final String VAR_DECISIONS_ARRETEES = "decisionsArretees";
    /** Who asked for publication: set by « Arrêter les décisions » from the authenticated user, read by the publication job. */
    public static final String VAR_PUBLIEE_PAR = "publieePar";
    /** The element variable of the decision tasks: the dossier's number. */
    public static final String VAR_NUMERO = "numero";
    /** Task-local on a decision task: its position in the agenda (1 = first of the first category), the filter's sort key. */
    public static final String VAR_RANG = "rang";
    /** What a decision task's form submits. */
    public static final String CHAMP_DECISION = "decisionComite";
    public static final String CHAMP_MONTANT = "montantComite";
    public static final String CHAMP_MOTIVATION = "motivationComite";

    private ComiteVagueProcess() {
    }
}
