package fr.gouv.fabriques.application.versement;

import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.application.port.VersementRepository;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.StatutDossier;
import fr.gouv.fabriques.domain.Versement;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A suspended dossier whose report was regularised and approved goes back to « conventionné »:
 * the payments not issued yet resume where they stopped (the schedule keeps the issued ones).
 */
@Service
public class ReprendreVersements {

    private final DossierRepository dossiers;
    private final VersementRepository versements;
    private final Journal journal;
    private final Clock horloge;

    public ReprendreVersements(DossierRepository dossiers, VersementRepository versements, Journal journal, Clock horloge) {
        this.dossiers = dossiers;
        this.versements = versements;
        this.journal = journal;
        this.horloge = horloge;
    }

    /** @return whether payments remain to be issued (else the regularised report was the final one) */
    @Transactional
    public boolean reprendre(long dossierId) {
        Dossier dossier = dossiers.exiger(dossierId);
        Instant maintenant = horloge.instant();
        dossier.passerA(StatutDossier.CONVENTIONNE, maintenant);
        dossiers.mettreAJour(dossier);
        boolean restants = versements.parDossier(dossierId).stream().anyMatch(v -> !v.estEmis());
        journal.noter(dossierId, TypeEvenement.VERSEMENTS_REPRIS, restants
                ? "Bilan régularisé et approuvé : les versements reprennent (prochain : année "
                        + versements.parDossier(dossierId).stream().filter(v -> !v.estEmis()).mapToInt(Versement::annee).min().orElse(0) + ")."
                : "Bilan final régularisé et approuvé.", true, "système", maintenant);
        return restants;
    }
}
