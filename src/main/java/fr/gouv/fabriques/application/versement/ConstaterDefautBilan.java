package fr.gouv.fabriques.application.versement;

import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.StatutDossier;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual report (or its corrections) did not come in time: payments are
 * suspended, as for a rejected report; the programme manager then decides on recovery.
 */
@Service
public class ConstaterDefautBilan {

    private final DossierRepository dossiers;
    private final Journal journal;
    private final Clock horloge;

    public ConstaterDefautBilan(DossierRepository dossiers, Journal journal, Clock horloge) {
        this.dossiers = dossiers;
        this.journal = journal;
        this.horloge = horloge;
    }

    @Transactional
    public void constater(long dossierId, int annee) {
        Dossier dossier = dossiers.exiger(dossierId);
        Instant maintenant = horloge.instant();
        if (dossier.statut() == StatutDossier.CONVENTIONNE) {
            dossier.passerA(StatutDossier.VERSEMENTS_SUSPENDUS, maintenant);
            dossiers.mettreAJour(dossier);
        }
        journal.noter(dossierId, TypeEvenement.DEFAUT_BILAN, "Bilan de l'année " + annee
                + " non reçu (ou non corrigé) dans le délai : les versements sont suspendus.", true, "système", maintenant);
    }
}
