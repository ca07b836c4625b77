package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.domain.Categorie;
import java.time.Instant;
import java.util.List;

/** The conventions the State signed, as amended: what the open data of the grants publishes. */
public interface ConventionsSignees {

    /** Every convention signed by the State (whatever happened since: paid, ended early), oldest signature first. */
    List<ConventionSignee> toutes();

    /**
     * A signed convention as it stands after its applied amendments: the amounts per year and the
     * beneficiary's SIRET are the current ones; {@code decalageMois} is the calendar shift of the amendments.
     *
     * @param anneesVersement the years of the payment schedule (1 to 3), in order
     */
    record ConventionSignee(String numero, String raisonSociale, String siret, String projetNom, Categorie categorie, String vague,
            Instant signeeEtatLe, int montant1, int montant2, int montant3, int supplementNumerique, int decalageMois,
            List<Integer> anneesVersement, int avenantsAppliques) {

        public ConventionSignee {
            anneesVersement = List.copyOf(anneesVersement);
        }

        /** The whole grant of the convention: the three years plus the numérique supplement. */
        public long montantTotal() {
            return (long) montant1 + montant2 + montant3 + supplementNumerique;
        }
    }
}
