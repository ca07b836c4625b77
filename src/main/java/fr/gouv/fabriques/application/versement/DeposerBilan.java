package fr.gouv.fabriques.application.versement;

import fr.gouv.fabriques.application.port.BilanRepository;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.EtapeNonAttendue;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.ProcessusDossier;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.DecisionBilan;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.StatutDossier;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The laureate submits the activity and financial report of a year (API). */
@Service
public class DeposerBilan {

    private final BilanRepository bilans;
    private final DossierRepository dossiers;
    private final Journal journal;
    private final ProcessusDossier processus;
    private final Clock horloge;

    public DeposerBilan(BilanRepository bilans, DossierRepository dossiers, Journal journal, ProcessusDossier processus, Clock horloge) {
        this.bilans = bilans;
        this.dossiers = dossiers;
        this.journal = journal;
        this.processus = processus;
        this.horloge = horloge;
    }

    @Transactional
    public void deposer(Dossier dossier, int annee, String commentaire) {
        if (annee < 1 || annee > 3) {
            throw new ErreursValidation("annee", "l'année du bilan est 1, 2 ou 3 (année de la convention) ; reçu : " + annee);
        }
        if (commentaire == null || commentaire.strip().length() < 10 || commentaire.length() > 10000) {
            throw new ErreursValidation("commentaire", "résumez l'activité et le compte rendu financier de l'année (10 à 10 000 caractères)");
        }
        dossier.exigerStatut("déposer un bilan annuel", StatutDossier.CONVENTIONNE, StatutDossier.VERSEMENTS_SUSPENDUS);
        bilans.parDossierEtAnnee(dossier.id(), annee).ifPresent(b -> {
            // A report sent back for corrections may come again; a rejected one too while payments are suspended (regularisation,
            // which the process accepts only once the programme manager has granted it).
            boolean nouvelleVersion = b.decision() == DecisionBilan.CORRECTIONS
                    || b.decision() == DecisionBilan.REJETE && dossier.statut() == StatutDossier.VERSEMENTS_SUSPENDUS;
            if (!nouvelleVersion) {
                throw new ErreurMetier("annee", "Le bilan de l'année " + annee + " est déjà déposé"
                        + (b.decision() == null ? " et en cours d'examen." : " et examiné (" + b.decision() + ")."));
            }
        });
        Instant maintenant = horloge.instant();
        bilans.deposer(dossier.id(), annee, commentaire.strip(), maintenant);
        journal.noter(dossier.id(), TypeEvenement.BILAN_DEPOSE, "Bilan de l'année " + annee + " déposé", true, "porteur", maintenant);
        try {
            processus.bilanDepose(dossier.numero(), annee);
        } catch (EtapeNonAttendue e) {
            // Rolled back with the report and its pieces: the dossier is as it was.
            throw e.selon(dossier.statut());
        }
    }
}
