package fr.gouv.fabriques.application.versement;

import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.PlafondsFinancement;
import fr.gouv.fabriques.domain.StatutDossier;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A suspension closed without any recovery: the dossier ends « résilié ». */
@Service
public class ResilierConvention {

    private final DossierRepository dossiers;
    private final TerminerConvention terminer;
    private final Journal journal;
    private final Clock horloge;

    public ResilierConvention(DossierRepository dossiers, TerminerConvention terminer, Journal journal, Clock horloge) {
        this.dossiers = dossiers;
        this.terminer = terminer;
        this.journal = journal;
        this.horloge = horloge;
    }

    @Transactional
    public void resilier(long dossierId) {
        Dossier dossier = dossiers.exiger(dossierId);
        dossier.exigerStatut("résilier la convention", StatutDossier.VERSEMENTS_SUSPENDUS);
        Instant maintenant = horloge.instant();
        long libere = terminer.terminer(dossier, StatutDossier.RESILIE, maintenant);
        journal.noter(dossierId, TypeEvenement.CONVENTION_RESILIEE, "Convention résiliée : les versements restants ("
                + PlafondsFinancement.euros(libere) + ") ne seront pas faits.", true, "système", maintenant);
    }
}
