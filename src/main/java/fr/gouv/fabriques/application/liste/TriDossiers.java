package fr.gouv.fabriques.application.liste;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The orders of the dossiers list, by their name in the {@code tri} parameter (a contract: the
 * Cockpit « Programme » plugin builds links with them). Ties are broken by the dossier's id, so a
 * page never repeats nor skips a dossier.
 */
public enum TriDossiers {
    NUMERO("numero"),
    STRUCTURE("structure"),
    STATUT("statut"),
    VAGUE("vague"),
    CATEGORIE("categorie"),
    DEPARTEMENT("departement"),
    REGION("region"),
    MONTANT_DEMANDE("montantDemande"),
    SCORE("score"),
    DATE_DEPOT("dateDepot");

    private final String parametre;

    TriDossiers(String parametre) {
        this.parametre = parametre;
    }

    public String parametre() {
        return parametre;
    }

    /** {@code note} is accepted for {@code score} (the instruction's score out of 100). */
    public static Optional<TriDossiers> deParametre(String valeur) {
        if ("note".equals(valeur)) {
            return Optional.of(SCORE);
        }
        return Arrays.stream(values()).filter(t -> t.parametre.equals(valeur)).findFirst();
    }

    public static String admis() {
        return Arrays.stream(values()).map(TriDossiers::parametre).collect(Collectors.joining(", ")) + " (ou note pour score)";
    }
}
