package fr.gouv.fabriques.application.instruction;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.fabriques.application.port.ReferentielGeographique;
import fr.gouv.fabriques.application.port.RegleEligibilite;
import fr.gouv.fabriques.application.port.VersionDecision;
import fr.gouv.fabriques.domain.Appel;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.Commune;
import fr.gouv.fabriques.domain.FormeJuridique;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Within one transaction — the deposit, then the process's eligibility step it started (doc/adr/0022) — the same facts are
 * evaluated once; another transaction, or none, asks the table again.
 */
class EvaluerEligibiliteTest {

    private final List<RegleEligibilite.FaitsEligibilite> demandes = new ArrayList<>();
    private int version = 1;
    private final RegleEligibilite table = faits -> {
        demandes.add(faits);
        return new RegleEligibilite.Evaluation(List.of(), new VersionDecision("Decision_Eligibilite", version, "d" + version));
    };
    private final ReferentielGeographique geographie = new ReferentielGeographique() {
        @Override
        public Optional<Commune> commune(String codeInsee) {
            return Optional.of(new Commune(codeInsee, "Nevers", "58", "27", List.of("58000"), "CA"));
        }

        @Override
        public Optional<Commune> communeActuelleDe(String codeAncien) {
            return Optional.empty();
        }
    };
    private final EvaluerEligibilite evaluer = new EvaluerEligibilite(table, geographie);

    @AfterEach
    void finDeTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            terminer();
        }
    }

    private RegleEligibilite.Evaluation evaluer(int annee1) {
        return evaluer.evaluer(Appel.FABRIQUES_TERRITOIRE, Categorie.QPV, new MontantsAnnuels(annee1, 40000, 30000), "QP058001",
                FormeJuridique.ASSOCIATION, "58194");
    }

    private static void commencer() {
        TransactionSynchronizationManager.initSynchronization();
    }

    private static void terminer() {
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED);
        }
        TransactionSynchronizationManager.clearSynchronization();
    }

    @Test
    void lesMemesFaitsSontEvaluesUneFoisParTransaction() {
        commencer();
        RegleEligibilite.Evaluation depot = evaluer(50000);
        version = 2;
        assertThat(evaluer(50000)).as("l'étape du processus, dans la transaction du dépôt").isSameAs(depot);
        assertThat(evaluer(45000).decision().version()).as("d'autres faits").isEqualTo(2);
        assertThat(demandes).hasSize(2);
        terminer();
        assertThat(TransactionSynchronizationManager.getResourceMap()).as("rien ne reste lié au fil").isEmpty();

        commencer();
        assertThat(evaluer(50000).decision().version()).as("une autre transaction demande la table").isEqualTo(2);
        assertThat(demandes).hasSize(3);
    }

    @Test
    void horsTransactionChaqueEvaluationDemandeLaTable() {
        evaluer(50000);
        evaluer(50000);
        assertThat(demandes).hasSize(2);
    }
}
