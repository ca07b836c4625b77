package fr.gouv.fabriques.application.convention;

import fr.gouv.fabriques.application.port.ConventionRepository;
import fr.gouv.fabriques.application.port.DecisionComiteRepository;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.Convention;
import fr.gouv.fabriques.domain.DecisionComite;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.PlafondsFinancement;
import fr.gouv.fabriques.domain.StatutDossier;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lifecycle step 4: the convention is drawn from the laureate decision. Running it twice changes nothing. */
@Service
public class GenererConvention {

    private final DossierRepository dossiers;
    private final DecisionComiteRepository decisions;
    private final ConventionRepository conventions;
    private final PlafondsFinancement plafonds;
    private final Journal journal;
    private final Clock horloge;

    public GenererConvention(DossierRepository dossiers, DecisionComiteRepository decisions, ConventionRepository conventions,
            PlafondsFinancement plafonds, Journal journal, Clock horloge) {
        this.dossiers = dossiers;
        this.decisions = decisions;
        this.conventions = conventions;
        this.plafonds = plafonds;
        this.journal = journal;
        this.horloge = horloge;
    }

    @Transactional
    public void generer(long dossierId) {
        if (conventions.parDossier(dossierId).isPresent()) {
            return;
        }
        Dossier dossier = dossiers.exiger(dossierId);
        dossier.exigerStatut("générer la convention", StatutDossier.LAUREAT);
        DecisionComite decision = decisions.derniere(dossierId)
                .orElseThrow(() -> new ErreurMetier("Aucune décision de comité pour le dossier " + dossier.numero()));
        Instant maintenant = horloge.instant();
        Convention convention = Convention.depuis(decision, dossier.categorie(), plafonds, maintenant);
        conventions.ajouter(convention);
        journal.noter(dossierId, TypeEvenement.CONVENTION_GENEREE, "Convention établie : à signer par le porteur", true, "système", maintenant);
    }
}
