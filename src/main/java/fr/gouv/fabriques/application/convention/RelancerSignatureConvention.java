package fr.gouv.fabriques.application.convention;

import fr.gouv.fabriques.application.Delais;
import fr.gouv.fabriques.application.port.ConventionRepository;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.Convention;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.StatutConvention;
import fr.gouv.fabriques.domain.StatutDossier;
import fr.gouv.fabriques.domain.Vague;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Before the signing deadline, the laureate is reminded (a timeline entry the
 * applicant sees, hence a mail) with the date after which the grant lapses.
 */
@Service
public class RelancerSignatureConvention {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(Vague.FUSEAU);
    private final DossierRepository dossiers;
    private final ConventionRepository conventions;
    private final Delais delais;
    private final Journal journal;
    private final Clock horloge;

    public RelancerSignatureConvention(DossierRepository dossiers, ConventionRepository conventions, Delais delais, Journal journal,
            Clock horloge) {
        this.dossiers = dossiers;
        this.conventions = conventions;
        this.delais = delais;
        this.journal = journal;
        this.horloge = horloge;
    }

    /** @return whether a reminder was sent (not if the applicant signed meanwhile) */
    @Transactional
    public boolean relancer(long dossierId) {
        Dossier dossier = dossiers.exiger(dossierId);
        Convention convention = conventions.exiger(dossierId);
        if (dossier.statut() != StatutDossier.LAUREAT || convention.statut() != StatutConvention.A_SIGNER) {
            return false;
        }
        Instant limite = convention.genereeLe().atZone(Vague.FUSEAU).plus(Delais.parse(delais.signatureConvention())).toInstant();
        journal.noter(dossierId, TypeEvenement.RAPPEL_SIGNATURE, "Rappel : la convention est à signer et à renvoyer avant le "
                + DATE.format(limite) + " ; passé cette date, la subvention sera caduque.", true, "système", horloge.instant());
        return true;
    }
}
