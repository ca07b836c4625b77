package fr.gouv.fabriques.application.versement;

import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.ReversementRepository;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.application.port.VersementRepository;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.PlafondsFinancement;
import fr.gouv.fabriques.domain.StatutDossier;
import fr.gouv.fabriques.domain.Versement;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * « Décider du reversement »: after a rejected report, the programme manager orders
 * the recovery of an amount (possibly nothing), never more than what was paid, with its reason.
 */
@Service
public class DeciderReversement {

    private final DossierRepository dossiers;
    private final VersementRepository versements;
    private final ReversementRepository reversements;
    private final Journal journal;
    private final Clock horloge;

    public DeciderReversement(DossierRepository dossiers, VersementRepository versements, ReversementRepository reversements,
            Journal journal, Clock horloge) {
        this.dossiers = dossiers;
        this.versements = versements;
        this.reversements = reversements;
        this.journal = journal;
        this.horloge = horloge;
    }

    @Transactional
    public void decider(long dossierId, int montant, String motif, String gestionnaire) {
        Dossier dossier = dossiers.exiger(dossierId);
        dossier.exigerStatut("décider d'un reversement", StatutDossier.VERSEMENTS_SUSPENDUS);
        int verse = versements.parDossier(dossierId).stream().filter(Versement::estEmis).mapToInt(Versement::montant).sum();
        int dejaReverse = reversements.totalReverse(dossierId);
        if (montant < 0 || montant > verse - dejaReverse) {
            throw new ErreursValidation("montantReversement", "le reversement doit être compris entre 0 € et "
                    + PlafondsFinancement.euros(verse - dejaReverse) + " (sommes versées non encore reversées) ; reçu : "
                    + PlafondsFinancement.euros(montant));
        }
        if (motif == null || motif.strip().length() < 10) {
            throw new ErreursValidation("motifReversement", "motivez la décision (10 caractères au moins) : elle est notifiée au porteur");
        }
        Instant maintenant = horloge.instant();
        reversements.ajouter(dossierId, montant, motif.strip(), gestionnaire, maintenant);
        journal.noter(dossierId, TypeEvenement.REVERSEMENT_DECIDE, montant == 0
                ? "Versements suspendus, sans reversement : " + motif.strip()
                : "Reversement de " + PlafondsFinancement.euros(montant) + " ordonné : " + motif.strip(), true, gestionnaire, maintenant);
    }
}
