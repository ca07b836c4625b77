package fr.gouv.fabriques.process.avenant;

/**
 * bpmn/avenant.bpmn — an amendment to a signed convention: validated by a second programme manager,
 * drawn as a PDF, signed by the laureate (API) within the convention's signing delay, signed for the
 * State, applied. Business key = the dossier's number; the amendment itself is read in the database.
 */
public final class AvenantProcess {

    public static final String CLE = "Process_Avenant";
    public static final String FICHIER = "bpmn/avenant.bpmn";

    public static final String TACHE_VALIDER = "UserTask_ValiderAvenant";
    public static final String TACHE_ETABLIR = "ServiceTask_EtablirAvenant";
    public static final String ATTENTE_SIGNATURE_PORTEUR = "ReceiveTask_AttendreSignatureAvenant";
    public static final String DELAI_SIGNATURE = "BoundaryEvent_DelaiSignatureAvenantEchu";
    public static final String TACHE_CADUCITE = "ServiceTask_ConstaterCaduciteAvenant";
    public static final String TACHE_SIGNER_ETAT = "UserTask_SignerAvenantEtat";
    public static final String TACHE_APPLIQUER = "ServiceTask_AppliquerAvenant";
    public static final String FIN_APPLIQUE = "EndEvent_AvenantApplique";
    public static final String FIN_REJETE = "EndEvent_AvenantRejete";
    public static final String FIN_CADUC = "EndEvent_AvenantCaduc";

    public static final String MESSAGE_SIGNATURE_PORTEUR = "AvenantSignePorteur";

    /** The amendment's number k, for Tasklist only (the listeners read the amendment in the database). */
    public static final String VAR_NUMERO_AVENANT = "numeroAvenant";
    /** Set by the validation listener from the use case's result; read by Gateway_AvenantValide. */
    public static final String VAR_AVENANT_VALIDE = "avenantValide";
    /** For the forms (computed when they open): what changes, old → new. */
    public static final String VAR_MODIFICATION = "modificationAvenant";

    private AvenantProcess() {
    }
}
