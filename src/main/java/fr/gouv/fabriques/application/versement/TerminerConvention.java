package fr.gouv.fabriques.application.versement;

import fr.gouv.fabriques.application.port.ConventionRepository;
import fr.gouv.fabriques.application.port.DecisionComiteRepository;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.ProgrammeRepository;
import fr.gouv.fabriques.application.port.VersementRepository;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.StatutDossier;
import fr.gouv.fabriques.domain.Versement;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * What ending a convention early does, whatever the reason: the dossier takes its final
 * status, the convention is « résiliée », and what was committed but not paid goes back to the
 * programme's envelope (the laureate keeps its quota place: it was a Fabrique). Called inside
 * the use cases' transactions.
 */
@Component
class TerminerConvention {

    private final DossierRepository dossiers;
    private final ConventionRepository conventions;
    private final VersementRepository versements;
    private final DecisionComiteRepository decisions;
    private final ProgrammeRepository programmes;

    TerminerConvention(DossierRepository dossiers, ConventionRepository conventions, VersementRepository versements,
            DecisionComiteRepository decisions, ProgrammeRepository programmes) {
        this.dossiers = dossiers;
        this.conventions = conventions;
        this.versements = versements;
        this.decisions = decisions;
        this.programmes = programmes;
    }

    /** @return the amount given back to the envelope */
    long terminer(Dossier dossier, StatutDossier statutFinal, Instant le) {
        dossier.passerA(statutFinal, le);
        dossiers.mettreAJour(dossier);
        conventions.mettreAJour(conventions.exiger(dossier.id()).resiliee());
        int verse = versements.parDossier(dossier.id()).stream().filter(Versement::estEmis).mapToInt(Versement::montant).sum();
        long nonVerse = Math.max(0, decisions.engagement(dossier.id()) - verse);
        programmes.enregistrer(programmes.verrouiller().libererEnveloppe(nonVerse));
        return nonVerse;
    }
}
