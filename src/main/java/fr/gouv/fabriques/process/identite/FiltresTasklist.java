package fr.gouv.fabriques.process.identite;

import static fr.gouv.fabriques.process.identite.DefinitionFiltre.Selection.ASSIGNEES_A_MOI;
import static fr.gouv.fabriques.process.identite.DefinitionFiltre.Selection.A_PRENDRE_DANS_MES_GROUPES;
import static fr.gouv.fabriques.process.identite.DefinitionFiltre.Selection.PHASE;
import static fr.gouv.fabriques.process.identite.Groupes.AGENTS_TASKLIST;
import static fr.gouv.fabriques.process.identite.Groupes.COMITE_SELECTION;
import static fr.gouv.fabriques.process.identite.Groupes.GESTIONNAIRES;
import static fr.gouv.fabriques.process.identite.Groupes.INSTRUCTEURS;
import static fr.gouv.fabriques.process.identite.Groupes.REFERENTS_TERRITORIAUX;
import static fr.gouv.fabriques.process.identite.Groupes.SERVICE_FINANCIER;

import java.util.List;

/**
 * The shared Tasklist filters, created or brought up to date at every start-up.
 *
 * <p>The phase filters select by process definition key only; each agent sees in them
 * the tasks his authorizations allow (his groups' tasks and his own). Gestionnaires, who
 * may read every task for Cockpit, therefore see the whole phase there — a piloting view —
 * but can still only claim and complete their own group's tasks.
 */
public final class FiltresTasklist {

    public static final String MES_TACHES = "Mes tâches";
    public static final String TACHES_DE_MON_GROUPE = "Tâches de mon groupe";
    public static final String INSTRUCTION = "Instruction";
    public static final String COMITE = "Comité de sélection";
    public static final String CONVENTION = "Convention";
    public static final String VERSEMENTS_ET_BILANS = "Versements et bilans";

    /** The filter the Spring Boot starter creates with {@code camunda.bpm.filter.create}; it shows every readable task. */
    public static final String FILTRE_DU_STARTER = "All tasks";

    public static final List<DefinitionFiltre> TOUS = List.of(
            new DefinitionFiltre(MES_TACHES,
                    "Les tâches qui vous sont assignées.",
                    10, ASSIGNEES_A_MOI, List.of(), AGENTS_TASKLIST),
            new DefinitionFiltre(TACHES_DE_MON_GROUPE,
                    "Les tâches non assignées proposées à vos groupes : réclamez-en une pour la traiter.",
                    20, A_PRENDRE_DANS_MES_GROUPES, List.of(), AGENTS_TASKLIST),
            new DefinitionFiltre(INSTRUCTION,
                    "Instruction des dossiers : complétude, avis du référent territorial, évaluation.",
                    30, PHASE, List.of("Process_Instruction"),
                    List.of(INSTRUCTEURS, REFERENTS_TERRITORIAUX, GESTIONNAIRES)),
            new DefinitionFiltre(COMITE,
                    "Décisions du comité de sélection de la vague.",
                    40, PHASE, List.of("Process_DecisionComite", "Process_ComiteVague"),
                    List.of(COMITE_SELECTION, GESTIONNAIRES)),
            new DefinitionFiltre(CONVENTION,
                    "Conventions de financement : préparation et signatures.",
                    50, PHASE, List.of("Process_Convention"),
                    List.of(GESTIONNAIRES)),
            new DefinitionFiltre(VERSEMENTS_ET_BILANS,
                    "Versements annuels et bilans d'activité et financiers.",
                    60, PHASE, List.of("Process_VersementAnnuel", "Process_BilanAnnuel"),
                    List.of(INSTRUCTEURS, GESTIONNAIRES, SERVICE_FINANCIER)));

    private FiltresTasklist() {
    }
}
