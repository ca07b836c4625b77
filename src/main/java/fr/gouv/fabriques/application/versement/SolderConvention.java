package fr.gouv.fabriques.application.versement;

import fr.gouv.fabriques.application.port.ConventionRepository;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.application.port.VersementRepository;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.PlafondsFinancement;
import fr.gouv.fabriques.domain.StatutDossier;
import fr.gouv.fabriques.domain.Versement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lifecycle step 6: after the last payment and the final report, the convention is « soldée ». */
@Service
public class SolderConvention {

    private final DossierRepository dossiers;
    private final ConventionRepository conventions;
    private final VersementRepository versements;
    private final Journal journal;
    private final Clock horloge;

    public SolderConvention(DossierRepository dossiers, ConventionRepository conventions, VersementRepository versements,
            Journal journal, Clock horloge) {
        this.dossiers = dossiers;
        this.conventions = conventions;
        this.versements = versements;
        this.journal = journal;
        this.horloge = horloge;
    }

    @Transactional
    public void solder(long dossierId) {
        Dossier dossier = dossiers.exiger(dossierId);
        List<Versement> prevus = versements.parDossier(dossierId);
        if (prevus.isEmpty() || !prevus.stream().allMatch(Versement::estEmis)) {
            throw new ErreurMetier("La convention du dossier " + dossier.numero() + " ne peut être soldée : des versements restent à émettre.");
        }
        Instant maintenant = horloge.instant();
        conventions.mettreAJour(conventions.exiger(dossierId).soldee());
        dossier.passerA(StatutDossier.SOLDE, maintenant);
        dossiers.mettreAJour(dossier);
        int total = prevus.stream().mapToInt(Versement::montant).sum();
        journal.noter(dossierId, TypeEvenement.CONVENTION_SOLDEE, "Convention soldée : " + PlafondsFinancement.euros(total)
                + " versés en " + prevus.size() + " versements", true, "système", maintenant);
    }
}
