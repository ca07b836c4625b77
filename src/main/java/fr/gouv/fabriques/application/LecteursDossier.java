package fr.gouv.fabriques.application;

import fr.gouv.fabriques.application.port.AnnuaireAgents.Agent;
import fr.gouv.fabriques.domain.Dossier;
import java.util.List;

/**
 * Which agents read a dossier (its pieces, its sheet): the national teams (instructors,
 * managers, committee, finance) read every dossier; a territorial referent only those of his
 * département ({@code referents-58}…), as for the « avis territorial » task. Analysts and
 * technical administrators work on the models and the platform, not on dossiers.
 */
public final class LecteursDossier {

    /** Groups of doc/programme.md « Les rôles » that read every dossier. */
    public static final List<String> GROUPES_NATIONAUX = List.of("instructeurs", "gestionnaires", "comite-selection", "service-financier");
    /** Per-département referent groups: {@code referents-58}… */
    public static final String PREFIXE_REFERENTS = "referents-";

    private LecteursDossier() {
    }

    /** The referents' group of the dossier's département: {@code referents-58}. */
    public static String groupeReferents(Dossier dossier) {
        return PREFIXE_REFERENTS + dossier.structure().adresse().departement();
    }

    public static boolean peutLire(Agent agent, Dossier dossier) {
        return agent.appartientAUnDe(GROUPES_NATIONAUX) || agent.groupes().contains(groupeReferents(dossier));
    }
}
