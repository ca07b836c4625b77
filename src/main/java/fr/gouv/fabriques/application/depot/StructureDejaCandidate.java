package fr.gouv.fabriques.application.depot;

import fr.gouv.fabriques.domain.UneFabriqueParStructure.Obstacle;

/**
 * « Une Fabrique par structure » (README « Le programme en bref »): another dossier of the same company
 * (SIREN) is open or was funded. The message names neither that dossier nor anything of it: the
 * applicant may not be the one who deposited it.
 */
public class StructureDejaCandidate extends RuntimeException {

    private final String siren;
    private final Obstacle obstacle;

    public StructureDejaCandidate(String siren, Obstacle obstacle) {
        super(message(siren, obstacle));
        this.siren = siren;
        this.obstacle = obstacle;
    }

    public String siren() {
        return siren;
    }

    public Obstacle obstacle() {
        return obstacle;
    }

    private static String message(String siren, Obstacle obstacle) {
        String pourquoi = switch (obstacle) {
            case DOSSIER_EN_COURS -> "Un autre dossier de la même entreprise (SIREN " + siren + ") est déjà en cours dans le programme";
            case DEJA_FINANCEE -> "Une Fabrique de la même entreprise (SIREN " + siren + ") a déjà été retenue ou financée par le programme";
        };
        return pourquoi + " : le programme finance une seule Fabrique par structure, quel que soit l'établissement (SIRET). "
                + "S'il s'agit d'un autre tiers-lieu, par exemple d'un réseau, contactez l'équipe du programme : "
                + "un gestionnaire peut autoriser ce dépôt par une dérogation motivée. Rien n'a été enregistré.";
    }
}
