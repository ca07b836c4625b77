package fr.gouv.fabriques.process.instruction;

/** bpmn/instruction.bpmn — eligibility, completeness loop, referent opinion, instruction and its validation. */
public final class InstructionProcess {

    public static final String CLE = "Process_Instruction";
    public static final String FICHIER = "bpmn/instruction.bpmn";

    public static final String TACHE_VERIFIER_ELIGIBILITE = "ServiceTask_VerifierEligibilite";
    public static final String TACHE_VERIFIER_COMPLETUDE = "UserTask_VerifierCompletude";
    public static final String ATTENTE_COMPLEMENTS = "ReceiveTask_AttendreComplements";
    public static final String DELAI_COMPLEMENTS = "BoundaryEvent_DelaiComplementsEchu";
    public static final String TACHE_AVIS_TERRITORIAL = "UserTask_DonnerAvisTerritorial";
    public static final String DELAI_AVIS = "BoundaryEvent_DelaiAvisEchu";
    public static final String TACHE_INSTRUIRE = "UserTask_InstruireDossier";
    public static final String TACHE_VALIDER_PROPOSITION = "UserTask_ValiderProposition";
    public static final String FIN_INSTRUIT = "EndEvent_DossierInstruit";
    public static final String FIN_IRRECEVABLE = "EndEvent_DossierIrrecevable";
    public static final String FIN_SANS_SUITE = "EndEvent_DossierClasseSansSuite";

    public static final String MESSAGE_COMPLEMENTS_RECUS = "ComplementsRecus";

    /** Set by the eligibility check. */
    public static final String VAR_ELIGIBLE = "eligible";
    /** Set by « Vérifier la complétude ». */
    public static final String VAR_DOSSIER_COMPLET = "dossierComplet";
    /** Set by « Valider la proposition ». */
    public static final String VAR_PROPOSITION_VALIDEE = "propositionValidee";

    private InstructionProcess() {
    }
}
