package fr.gouv.fabriques.process.comite;

/** bpmn/decision-comite.bpmn — the selection committee's decision on one dossier. */
public final class DecisionComiteProcess {

    public static final String CLE = "Process_DecisionComite";
    public static final String FICHIER = "bpmn/decision-comite.bpmn";

    public static final String TACHE_STATUER = "UserTask_StatuerSurDossier";
    public static final String FIN_DECIDE = "EndEvent_DossierDecide";

    private DecisionComiteProcess() {
    }
}
