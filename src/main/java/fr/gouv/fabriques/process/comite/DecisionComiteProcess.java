package fr.gouv.fabriques.process.comite;

/** bpmn/decision-comite.bpmn — a dossier waits for the published decision of its wave's committee. */
public final class DecisionComiteProcess {

    public static final String CLE = "Process_DecisionComite";
    public static final String FICHIER = "bpmn/decision-comite.bpmn";

    public static final String ATTENTE_DECISION = "ReceiveTask_AttendreDecisionComite";
    public static final String FIN_DECIDE = "EndEvent_DossierDecide";

    public static final String MESSAGE_DECISION_PUBLIEE = "DecisionComitePubliee";

    private DecisionComiteProcess() {
    }
}
