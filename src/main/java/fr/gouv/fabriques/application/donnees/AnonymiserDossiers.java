package fr.gouv.fabriques.application.donnees;

import fr.gouv.fabriques.application.port.DonneesPersonnellesRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.StatutDossier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Personal data kept no longer than needed (RGPD, limitation de la conservation). A dossier
 * that was never funded — refused, irrecevable, classé sans suite, caduc — loses its
 * contact person, its mails' recipients and bodies, and its attachments once unchanged for
 * {@code fabriques.donnees-personnelles.conservation-non-finances}; a closed grant (soldé)
 * keeps what the accounts need (structure, amounts, convention, payments, attachments) and
 * loses its contact and mails after {@code conservation-soldes}. Each dossier is done in its
 * own transaction, once (a conditional update: a replay or a second node does nothing), and
 * the timeline says when and why.
 */
@Service
public class AnonymiserDossiers {

    private static final Logger LOG = LoggerFactory.getLogger(AnonymiserDossiers.class);
    static final List<String> NON_FINANCES = List.of(StatutDossier.REFUSE.name(), StatutDossier.IRRECEVABLE.name(),
            StatutDossier.CLASSE_SANS_SUITE.name(), StatutDossier.CADUC.name());
    private static final int LOT = 200;

    private final DonneesPersonnellesRepository donnees;
    private final Journal journal;
    private final Clock horloge;
    private final TransactionTemplate transaction;
    private final Duration conservationNonFinances;
    private final Duration conservationSoldes;

    public AnonymiserDossiers(DonneesPersonnellesRepository donnees, Journal journal, Clock horloge, TransactionTemplate transaction,
            @Value("${fabriques.donnees-personnelles.conservation-non-finances:P730D}") Duration conservationNonFinances,
            @Value("${fabriques.donnees-personnelles.conservation-soldes:P3650D}") Duration conservationSoldes) {
        this.donnees = donnees;
        this.journal = journal;
        this.horloge = horloge;
        this.transaction = transaction;
        this.conservationNonFinances = conservationNonFinances;
        this.conservationSoldes = conservationSoldes;
    }

    public record Bilan(int nonFinances, int soldes) {
    }

    @Scheduled(cron = "${fabriques.donnees-personnelles.planification:0 30 2 * * *}", zone = "Europe/Paris")
    public Bilan anonymiser() {
        Instant maintenant = horloge.instant();
        int nonFinances = passe(NON_FINANCES, maintenant.minus(conservationNonFinances), true, conservationNonFinances, maintenant);
        int soldes = passe(List.of(StatutDossier.SOLDE.name(), StatutDossier.SOLDE_APRES_REVERSEMENT.name(), StatutDossier.RESILIE.name()), maintenant.minus(conservationSoldes), false, conservationSoldes, maintenant);
        if (nonFinances + soldes > 0) {
            LOG.info("Données personnelles anonymisées : {} dossier(s) non financé(s), {} dossier(s) soldé(s)", nonFinances, soldes);
        }
        return new Bilan(nonFinances, soldes);
    }

    private int passe(List<String> statuts, Instant avant, boolean pieces, Duration conservation, Instant maintenant) {
        int total = 0;
        List<Long> lot;
        do {
            lot = donnees.aAnonymiser(statuts, avant, LOT);
            for (long id : lot) {
                Boolean fait = transaction.execute(t -> {
                    if (!donnees.anonymiser(id, pieces, maintenant)) {
                        return false;
                    }
                    journal.noter(id, TypeEvenement.DONNEES_ANONYMISEES, "Données personnelles anonymisées après " + conservation.toDays()
                            + " jours de conservation : contact, courriels" + (pieces ? ", pièces jointes" : "") + ".", false, "système",
                            maintenant);
                    return true;
                });
                total += Boolean.TRUE.equals(fait) ? 1 : 0;
            }
        } while (lot.size() == LOT);
        return total;
    }
}
