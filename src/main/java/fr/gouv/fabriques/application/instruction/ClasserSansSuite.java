package fr.gouv.fabriques.application.instruction;

import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.StatutDossier;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The applicant did not answer the completeness request in time. */
@Service
public class ClasserSansSuite {

    private final DossierRepository dossiers;
    private final Journal journal;
    private final Clock horloge;

    public ClasserSansSuite(DossierRepository dossiers, Journal journal, Clock horloge) {
        this.dossiers = dossiers;
        this.journal = journal;
        this.horloge = horloge;
    }

    @Transactional
    public void classer(long dossierId) {
        Dossier dossier = dossiers.exiger(dossierId);
        Instant maintenant = horloge.instant();
        dossier.passerA(StatutDossier.CLASSE_SANS_SUITE, maintenant);
        dossiers.mettreAJour(dossier);
        journal.noter(dossierId, TypeEvenement.CLASSEMENT_SANS_SUITE,
                "Dossier classé sans suite : les compléments demandés n'ont pas été reçus dans le délai", true, "système", maintenant);
    }
}
