package fr.gouv.fabriques.application.instruction;

import fr.gouv.fabriques.application.MemoireTransaction;
import fr.gouv.fabriques.application.port.ReferentielGeographique;
import fr.gouv.fabriques.application.port.RegleEligibilite;
import fr.gouv.fabriques.application.port.RegleEligibilite.Evaluation;
import fr.gouv.fabriques.application.port.RegleEligibilite.FaitsEligibilite;
import fr.gouv.fabriques.domain.Appel;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.Commune;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.FormeJuridique;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import java.util.Collections;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The facts the eligibility table reads, taken from a deposit or a dossier the same way, and
 * their evaluation by the latest deployed table: the deposit and the process's eligibility step
 * ask the same rules the same question (doc/adr/0007).
 */
@Component
public class EvaluerEligibilite {

    private final RegleEligibilite regle;
    private final ReferentielGeographique geographie;

    public EvaluerEligibilite(RegleEligibilite regle, ReferentielGeographique geographie) {
        this.regle = regle;
        this.geographie = geographie;
    }

    public Evaluation evaluer(Dossier d) {
        return evaluer(d.appel(), d.categorie(), d.montantsDemandes(), d.structure().codeQpv(), d.structure().formeJuridique(),
                d.structure().adresse().codeInsee());
    }

    public Evaluation evaluer(Appel appel, Categorie categorie, MontantsAnnuels montants, String codeQpv, FormeJuridique forme,
            String codeInsee) {
        FaitsEligibilite faits = faits(appel, categorie, montants, codeQpv, forme, codeInsee);
        Map<FaitsEligibilite, Evaluation> dejaEvaluees = evaluationsDeLaTransaction();
        if (dejaEvaluees == null) {
            return regle.evaluer(faits);
        }
        Evaluation deja = dejaEvaluees.get(faits);
        if (deja != null) {
            return deja;
        }
        Evaluation evaluation = regle.evaluer(faits);
        dejaEvaluees.put(faits, evaluation);
        return evaluation;
    }

    /**
     * The evaluations already made in the current transaction, by facts; null outside a transaction. The table is a function
     * of its facts and version: within one transaction (the deposit, then the process's eligibility step it started,
     * doc/adr/0022), the same facts get the same answer, and the table is evaluated once.
     */
    private static Map<FaitsEligibilite, Evaluation> evaluationsDeLaTransaction() {
        return MemoireTransaction.carte(CLE_TRANSACTION);
    }

    private static final Object CLE_TRANSACTION = MemoireTransaction.cle("évaluations de la table d'éligibilité de la transaction");

    /** The facts the table reads, as the deposit and the eligibility step take them (and a replay rebuilds them). */
    public FaitsEligibilite faits(Appel appel, Categorie categorie, MontantsAnnuels montants, String codeQpv, FormeJuridique forme,
            String codeInsee) {
        return new FaitsEligibilite(appel.name(), categorie.name(), montants.total(), Collections.max(montants.parAnnee()),
                codeQpv != null, forme.name(), typeEpci(codeInsee));
    }

    /**
     * The EPCI type of the dossier's commune. The deposit checked the code; a commune merged
     * since then into a commune nouvelle is read through the commune it joined.
     */
    private String typeEpci(String codeInsee) {
        return geographie.commune(codeInsee).or(() -> geographie.communeActuelleDe(codeInsee)).map(Commune::typeEpci).orElse(null);
    }
}
