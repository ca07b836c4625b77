package fr.gouv.fabriques.application.convention;

import fr.gouv.fabriques.application.port.ConventionRepository;
import fr.gouv.fabriques.application.port.DecisionComiteRepository;
import fr.gouv.fabriques.application.port.ProgrammeRepository;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.StatutDossier;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signing deadline passed: the grant lapses, and its quota place and envelope amount are released. */
@Service
public class ConstaterCaducite {

    private final DossierRepository dossiers;
    private final ConventionRepository conventions;
    private final DecisionComiteRepository decisions;
    private final ProgrammeRepository programmes;
    private final Journal journal;
    private final Clock horloge;

    public ConstaterCaducite(DossierRepository dossiers, ConventionRepository conventions, DecisionComiteRepository decisions,
            ProgrammeRepository programmes, Journal journal, Clock horloge) {
        this.dossiers = dossiers;
        this.conventions = conventions;
        this.decisions = decisions;
        this.programmes = programmes;
        this.journal = journal;
        this.horloge = horloge;
    }

    @Transactional
    public void constater(long dossierId) {
        Dossier dossier = dossiers.exiger(dossierId);
        Instant maintenant = horloge.instant();
        conventions.parDossier(dossierId).ifPresent(c -> conventions.mettreAJour(c.caduque()));
        // The laureate's place in its category's quota and its amount go back to the programme, once.
        if (conventions.marquerEngagementLibere(dossierId)) {
            programmes.enregistrer(programmes.verrouiller().liberer(dossier.categorie(), decisions.engagement(dossierId)));
        }
        dossier.passerA(StatutDossier.CADUC, maintenant);
        dossiers.mettreAJour(dossier);
        journal.noter(dossierId, TypeEvenement.CONVENTION_CADUQUE,
                "Subvention caduque : la convention n'a pas été signée dans le délai", true, "système", maintenant);
    }
}
