package fr.gouv.fabriques.process.identite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;

/**
 * The roles of « Le programme en bref » (README) as Camunda groups. The ids are what the BPMN models use in
 * {@code camunda:candidateGroups}; never rename one without migrating the running tasks.
 */
public final class Groupes {

    public static final String PORTEURS = "porteurs";
    public static final String INSTRUCTEURS = "instructeurs";
    public static final String REFERENTS_TERRITORIAUX = "referents-territoriaux";
    public static final String COMITE_SELECTION = "comite-selection";
    public static final String GESTIONNAIRES = "gestionnaires";
    public static final String SERVICE_FINANCIER = "service-financier";
    public static final String ANALYSTES = "analystes";
    /** Camunda's own id: the engine treats its members as administrators (adminGroups). */
    public static final String CAMUNDA_ADMIN = Groups.CAMUNDA_ADMIN;
    /**
     * Operators: read the metrics ({@code /actuator/prometheus}, README « Exploitation ») and nothing else,
     * no webapp, no task, no dossier; the Prometheus collector's account belongs to it.
     */
    public static final String EXPLOITATION = "exploitation";

    /** Prefix of the per-département referent groups: {@code referents-58}, {@code referents-2A}… */
    public static final String PREFIXE_REFERENTS_DEPARTEMENT = "referents-";

    /** The agents who work in Tasklist (and therefore see the Tasklist filters). */
    public static final List<String> AGENTS_TASKLIST = List.of(
            INSTRUCTEURS, REFERENTS_TERRITORIAUX, COMITE_SELECTION, GESTIONNAIRES, SERVICE_FINANCIER);

    /** The users of Cockpit (read-only supervision). */
    public static final List<String> UTILISATEURS_COCKPIT = List.of(GESTIONNAIRES, ANALYSTES);

    /**
     * Groups that open Cockpit for its « Programme » page only (README « Pilotage dans Cockpit »): access to the application,
     * nothing in the engine; the page's figures come from {@code /api/agents/pilotage}.
     */
    public static final List<String> PILOTAGE_COCKPIT_SEUL = List.of(COMITE_SELECTION);

    private static final List<DefinitionGroupe> TOUS = construire();

    private Groupes() {
    }

    /** The 9 role groups then the 101 département groups. */
    public static List<DefinitionGroupe> tous() {
        return TOUS;
    }

    public static String referentsDuDepartement(String codeDepartement) {
        if (!Departements.existe(codeDepartement)) {
            throw new IllegalArgumentException("Code de département inconnu : « " + codeDepartement + " »");
        }
        return PREFIXE_REFERENTS_DEPARTEMENT + codeDepartement;
    }

    private static List<DefinitionGroupe> construire() {
        String metier = Groups.GROUP_TYPE_WORKFLOW;
        List<DefinitionGroupe> groupes = new ArrayList<>();
        groupes.add(new DefinitionGroupe(PORTEURS, "Porteurs de projet", metier));
        groupes.add(new DefinitionGroupe(INSTRUCTEURS, "Instructeurs du programme", metier));
        groupes.add(new DefinitionGroupe(REFERENTS_TERRITORIAUX, "Référents territoriaux (préfectures)", metier));
        groupes.add(new DefinitionGroupe(COMITE_SELECTION, "Comité de sélection", metier));
        groupes.add(new DefinitionGroupe(GESTIONNAIRES, "Gestionnaires du programme", metier));
        groupes.add(new DefinitionGroupe(SERVICE_FINANCIER, "Service financier", metier));
        groupes.add(new DefinitionGroupe(ANALYSTES, "Analystes des processus", metier));
        groupes.add(new DefinitionGroupe(CAMUNDA_ADMIN, "Administrateurs techniques", Groups.GROUP_TYPE_SYSTEM));
        groupes.add(new DefinitionGroupe(EXPLOITATION, "Exploitation (métriques)", Groups.GROUP_TYPE_SYSTEM));
        for (String code : Departements.CODES) {
            groupes.add(new DefinitionGroupe(referentsDuDepartement(code),
                    "Référents territoriaux — département " + code, metier));
        }
        return Collections.unmodifiableList(groupes);
    }
}
