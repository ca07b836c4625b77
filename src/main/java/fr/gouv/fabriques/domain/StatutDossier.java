package fr.gouv.fabriques.domain;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The lifecycle of a dossier (doc/programme.md « La vie d'un dossier »).
 * The allowed moves are written here, once: the BPMN drives the dossier, but the
 * domain refuses any move the lifecycle does not allow, whoever asks.
 */
public enum StatutDossier {
    DEPOSE("déposé"),
    EN_INSTRUCTION("en instruction"),
    EN_ATTENTE_COMPLEMENTS("en attente de compléments"),
    INSTRUIT("instruit, en attente du comité"),
    AJOURNE("ajourné à la vague suivante"),
    LAUREAT("lauréat, convention à signer"),
    CONVENTION_SIGNEE_PORTEUR("convention signée par le porteur"),
    CONVENTIONNE("conventionné"),
    VERSEMENTS_SUSPENDUS("versements suspendus"),
    IRRECEVABLE("irrecevable"),
    CLASSE_SANS_SUITE("classé sans suite"),
    REFUSE("refusé"),
    CADUC("caduc"),
    SOLDE("soldé"),
    SOLDE_APRES_REVERSEMENT("soldé après reversement"),
    RESILIE("résilié"),
    RETIRE("retiré par le porteur"),
    RENONCE("renoncé par le lauréat"),
    ANNULE("annulé par l'État");

    private final String libelle;

    StatutDossier(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }

    /** The statuses reachable in one step from this one. */
    public Set<StatutDossier> suivants() {
        return switch (this) {
            // Before the committee's decision the applicant withdraws (RETIRE); once laureate he renounces (RENONCE);
            // at any point before closure the State may cancel (ANNULE, validated by a second person).
            case DEPOSE -> EnumSet.of(EN_INSTRUCTION, IRRECEVABLE, RETIRE, ANNULE);
            case EN_INSTRUCTION -> EnumSet.of(EN_ATTENTE_COMPLEMENTS, INSTRUIT, RETIRE, ANNULE);
            case EN_ATTENTE_COMPLEMENTS -> EnumSet.of(EN_INSTRUCTION, CLASSE_SANS_SUITE, RETIRE, ANNULE);
            case INSTRUIT, AJOURNE -> EnumSet.of(LAUREAT, REFUSE, AJOURNE, RETIRE, ANNULE);
            case LAUREAT -> EnumSet.of(CONVENTION_SIGNEE_PORTEUR, CADUC, RENONCE, ANNULE);
            case CONVENTION_SIGNEE_PORTEUR -> EnumSet.of(CONVENTIONNE, CADUC, RENONCE, ANNULE);
            case CONVENTIONNE -> EnumSet.of(VERSEMENTS_SUSPENDUS, SOLDE, RENONCE, ANNULE);
            // Resumed once the report is regularised; otherwise closed after the recovery, or terminated without one.
            case VERSEMENTS_SUSPENDUS -> EnumSet.of(CONVENTIONNE, SOLDE_APRES_REVERSEMENT, RESILIE, RENONCE, ANNULE);
            case IRRECEVABLE, CLASSE_SANS_SUITE, REFUSE, CADUC, SOLDE, SOLDE_APRES_REVERSEMENT, RESILIE, RETIRE, RENONCE, ANNULE ->
                    EnumSet.noneOf(StatutDossier.class);
        };
    }

    /** What a dossier of this status waits for, in French, to complete « le dossier attend … ». */
    public String attente() {
        return switch (this) {
            case DEPOSE -> "la vérification de sa recevabilité";
            case EN_INSTRUCTION -> "la fin de son instruction par les services de l'État";
            case EN_ATTENTE_COMPLEMENTS -> "les compléments demandés au porteur";
            case INSTRUIT -> "la décision du comité de sélection";
            case AJOURNE -> "la décision du comité de la vague suivante";
            case LAUREAT -> "la convention signée par le porteur, une fois la convention établie";
            case CONVENTION_SIGNEE_PORTEUR -> "la signature de la convention par l'État";
            case CONVENTIONNE -> "le prochain versement ; le bilan d'une année se dépose quand il est demandé, à l'anniversaire de la convention";
            case VERSEMENTS_SUSPENDUS -> "la régularisation de son bilan, ou la décision des gestionnaires sur la suite de la convention "
                    + "et le reversement qu'ils ont ordonné (versements suspendus)";
            case IRRECEVABLE, CLASSE_SANS_SUITE, REFUSE, CADUC, SOLDE, SOLDE_APRES_REVERSEMENT, RESILIE, RETIRE, RENONCE, ANNULE ->
                    "plus rien : le dossier est clos";
        };
    }

    public boolean peutPasserA(StatutDossier cible) {
        return suivants().contains(cible);
    }

    /** A final status: the dossier is over. Whether its company may apply again: {@link UneFabriqueParStructure}. */
    public boolean estFinal() {
        return suivants().isEmpty();
    }

    /**
     * Funded by the programme: chosen by the committee, its convention being signed, signed, paid,
     * settled, or ended early after a suspension (paid at least in part). A refused, inadmissible, dropped or lapsed (caduc) dossier never was.
     */
    public boolean estFinance() {
        return switch (this) {
            case LAUREAT, CONVENTION_SIGNEE_PORTEUR, CONVENTIONNE, VERSEMENTS_SUSPENDUS, SOLDE, SOLDE_APRES_REVERSEMENT, RESILIE -> true;
            default -> false;
        };
    }

    String suivantsLisibles() {
        Set<StatutDossier> s = suivants();
        return s.isEmpty() ? "aucune (statut final)"
                : s.stream().map(st -> "« " + st.libelle + " »").collect(Collectors.joining(", "));
    }
}
