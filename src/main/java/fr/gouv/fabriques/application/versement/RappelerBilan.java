package fr.gouv.fabriques.application.versement;

import fr.gouv.fabriques.application.port.BilanRepository;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.StatutDossier;
import fr.gouv.fabriques.domain.Vague;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Before a report's deadline ({@link CalendrierConvention}), the laureate who has not
 * submitted it is reminded: a timeline entry the applicant sees, hence a mail
 * (notifications/RAPPEL_BILAN.txt), with the date after which payments are suspended.
 */
@Service
public class RappelerBilan {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(Vague.FUSEAU);
    private final DossierRepository dossiers;
    private final BilanRepository bilans;
    private final fr.gouv.fabriques.application.port.VersementRepository versements;
    private final CalendrierConvention calendrier;
    private final Journal journal;
    private final Clock horloge;

    public RappelerBilan(DossierRepository dossiers, BilanRepository bilans, fr.gouv.fabriques.application.port.VersementRepository versements,
            CalendrierConvention calendrier, Journal journal, Clock horloge) {
        this.dossiers = dossiers;
        this.bilans = bilans;
        this.versements = versements;
        this.calendrier = calendrier;
        this.journal = journal;
        this.horloge = horloge;
    }

    /** @return whether a reminder was sent (not if the report came meanwhile, or the dossier is no longer running) */
    @Transactional
    public boolean rappeler(long dossierId, int annee) {
        Dossier dossier = dossiers.exiger(dossierId);
        if (dossier.statut() != StatutDossier.CONVENTIONNE || bilans.parDossierEtAnnee(dossierId, annee).isPresent()) {
            return false;
        }
        Instant limite = calendrier.limiteBilan(dossierId, annee);
        boolean finale = annee == versements.parDossier(dossierId).stream().mapToInt(v -> v.annee()).max().orElse(annee);
        journal.noter(dossierId, TypeEvenement.RAPPEL_BILAN, "Rappel : " + (finale ? "le bilan final" : "le bilan de l'année " + annee)
                + " (rapport d'activité et compte rendu financier) est à déposer avant le " + DATE.format(limite)
                + " ; passé cette date, les versements seront suspendus.", true, "système", horloge.instant());
        return true;
    }
}
