package fr.gouv.fabriques.process.convention;

/** bpmn/convention.bpmn — the convention is drawn, signed by the laureate, then by the State, or lapses. */
public final class ConventionProcess {

    public static final String CLE = "Process_Convention";
    public static final String FICHIER = "bpmn/convention.bpmn";

    public static final String TACHE_GENERER = "ServiceTask_GenererConvention";
    public static final String ATTENTE_SIGNATURE_PORTEUR = "ReceiveTask_AttendreSignaturePorteur";
    public static final String DELAI_SIGNATURE = "BoundaryEvent_DelaiSignatureEchu";
    public static final String TACHE_SIGNER_ETAT = "UserTask_SignerConventionEtat";
    public static final String FIN_SIGNEE = "EndEvent_ConventionSignee";
    public static final String FIN_CADUQUE = "EndEvent_ConventionCaduque";

    public static final String MESSAGE_SIGNATURE_PORTEUR = "ConventionSigneePorteur";

    private ConventionProcess() {
    }
}
