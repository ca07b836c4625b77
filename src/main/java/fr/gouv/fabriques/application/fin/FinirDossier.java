package fr.gouv.fabriques.application.fin;

import fr.gouv.fabriques.application.port.ConventionRepository;
import fr.gouv.fabriques.application.port.DecisionComiteRepository;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.FinDossierRepository.Nature;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.ProcessusDossier;
import fr.gouv.fabriques.application.port.ProgrammeRepository;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.application.port.VersementRepository;
import fr.gouv.fabriques.domain.Convention;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.PlafondsFinancement;
import fr.gouv.fabriques.domain.StatutConvention;
import fr.gouv.fabriques.domain.StatutDossier;
import fr.gouv.fabriques.domain.Versement;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What ending a dossier before its closure does, whoever ends it (applicant's withdrawal,
 * laureate's renunciation, State's cancellation), inside the caller's transaction:
 * <ul>
 * <li>a laureate gives back its quota place and what was committed but not paid; its convention
 * lapses (not signed by the State yet) or is terminated (signed);</li>
 * <li>a dossier before the committee leaves the session (its proposed decision is forgotten);</li>
 * <li>the dossier takes its final status, the timeline (hence the applicant's mail) says who, when, why;</li>
 * <li>the dossier's process is interrupted through its event sub-process (open tasks, called
 * processes and timers cancelled) and its decision task at the wave's committee, if any, is closed.</li>
 * </ul>
 */
@Component
class FinirDossier {

    private static final Set<StatutDossier> LAUREATS = EnumSet.of(StatutDossier.LAUREAT, StatutDossier.CONVENTION_SIGNEE_PORTEUR,
            StatutDossier.CONVENTIONNE, StatutDossier.VERSEMENTS_SUSPENDUS);

    private final DossierRepository dossiers;
    private final ConventionRepository conventions;
    private final VersementRepository versements;
    private final DecisionComiteRepository decisions;
    private final ProgrammeRepository programmes;
    private final ProcessusDossier processus;
    private final Journal journal;

    FinirDossier(DossierRepository dossiers, ConventionRepository conventions, VersementRepository versements,
            DecisionComiteRepository decisions, ProgrammeRepository programmes, ProcessusDossier processus, Journal journal) {
        this.dossiers = dossiers;
        this.conventions = conventions;
        this.versements = versements;
        this.decisions = decisions;
        this.programmes = programmes;
        this.processus = processus;
        this.journal = journal;
    }

    void finir(Dossier dossier, Nature nature, StatutDossier statutFinal, TypeEvenement type, String libelle, String acteur, Instant le) {
        StatutDossier avant = dossier.statut();
        String effets = "";
        if (LAUREATS.contains(avant)) {
            int verse = versements.parDossier(dossier.id()).stream().filter(Versement::estEmis).mapToInt(Versement::montant).sum();
            long nonVerse = Math.max(0, decisions.engagement(dossier.id()) - verse);
            programmes.enregistrer(programmes.verrouiller().liberer(dossier.categorie(), nonVerse));
            Optional<Convention> convention = conventions.parDossier(dossier.id());
            convention.ifPresent(c -> conventions.mettreAJour(c.statut() == StatutConvention.SIGNEE ? c.resiliee() : c.caduque()));
            effets = " La place du lauréat et " + PlafondsFinancement.euros(nonVerse) + " non versés reviennent au programme.";
        } else {
            decisions.retirerPropositions(dossier.id());
        }
        dossier.passerA(statutFinal, le);
        dossiers.mettreAJour(dossier);
        journal.noter(dossier.id(), type, libelle + effets, true, acteur, le);
        processus.terminer(dossier.numero(), nature.name(), dossier.vague());
    }
}
