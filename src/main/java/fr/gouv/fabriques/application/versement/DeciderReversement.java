package fr.gouv.fabriques.application.versement;

import fr.gouv.fabriques.application.Delais;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.ReversementRepository;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.application.port.VersementRepository;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.PlafondsFinancement;
import fr.gouv.fabriques.domain.StatutDossier;
import fr.gouv.fabriques.domain.Vague;
import fr.gouv.fabriques.domain.Versement;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * « Décider de la suite de la suspension »: after a rejected or missing report, the programme
 * manager either gives the laureate time to regularise (the missing report, or a corrected one;
 * approved, payments resume) or orders the recovery of an amount — possibly nothing, never more
 * than what was paid and not yet recovered — with its reason. A recovery ends the convention:
 * the amount received is then recorded and validated by the finance service
 * ({@link EnregistrerReversementRecu}); without one, the convention is terminated
 * ({@link ResilierConvention}).
 */
@Service
public class DeciderReversement {

    /** The two ways out of a suspension. */
    public enum Suite { REGULARISATION, REVERSEMENT }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(Vague.FUSEAU);
    private final DossierRepository dossiers;
    private final VersementRepository versements;
    private final ReversementRepository reversements;
    private final EtapeEnCours etape;
    private final Delais delais;
    private final Journal journal;
    private final Clock horloge;

    public DeciderReversement(DossierRepository dossiers, VersementRepository versements, ReversementRepository reversements,
            EtapeEnCours etape, Delais delais, Journal journal, Clock horloge) {
        this.dossiers = dossiers;
        this.versements = versements;
        this.reversements = reversements;
        this.etape = etape;
        this.delais = delais;
        this.journal = journal;
        this.horloge = horloge;
    }

    /**
     * @param montant and {@code motif}: required for a recovery; for a regularisation, {@code motif} is what the laureate is told
     * @return the year of the report to regularise, or 0 for a recovery
     */
    @Transactional
    public int decider(long dossierId, Suite suite, Integer montant, String motif, String gestionnaire) {
        if (suite == null) {
            throw new ErreursValidation("suiteSuspension", "choisissez : REGULARISATION (délai au porteur) ou REVERSEMENT");
        }
        Dossier dossier = dossiers.exiger(dossierId);
        dossier.exigerStatut("décider de la suite d'une suspension", StatutDossier.VERSEMENTS_SUSPENDUS);
        Instant maintenant = horloge.instant();
        if (suite == Suite.REGULARISATION) {
            int annee = etape.anneeBilanAttendu(dossierId);
            Instant limite = maintenant.atZone(Vague.FUSEAU).plus(Delais.parse(delais.regularisationBilan())).toInstant();
            journal.noter(dossierId, TypeEvenement.REGULARISATION_DEMANDEE, "Versements suspendus : vous pouvez régulariser en déposant "
                    + (annee == versements.parDossier(dossierId).size() ? "le bilan final" : "le bilan de l'année " + annee)
                    + " (complet ou corrigé) avant le " + DATE.format(limite) + " ; approuvé, il fait reprendre les versements."
                    + (motif == null || motif.isBlank() ? "" : " " + motif.strip()), true, gestionnaire, maintenant);
            return annee;
        }
        int verse = versements.parDossier(dossierId).stream().filter(Versement::estEmis).mapToInt(Versement::montant).sum();
        int dejaReverse = reversements.totalReverse(dossierId);
        if (montant == null || montant < 0 || montant > verse - dejaReverse) {
            throw new ErreursValidation("montantReversement", "le reversement doit être compris entre 0 € et "
                    + PlafondsFinancement.euros(verse - dejaReverse) + " (sommes versées non encore reversées) ; reçu : "
                    + (montant == null ? "rien" : PlafondsFinancement.euros(montant)));
        }
        if (motif == null || motif.strip().length() < 10) {
            throw new ErreursValidation("motifReversement", "motivez la décision (10 caractères au moins) : elle est notifiée au porteur");
        }
        reversements.ajouter(dossierId, montant, motif.strip(), gestionnaire, maintenant);
        journal.noter(dossierId, TypeEvenement.REVERSEMENT_DECIDE, montant == 0
                ? "Convention résiliée, sans reversement : " + motif.strip()
                : "Reversement de " + PlafondsFinancement.euros(montant) + " ordonné, la convention prendra fin à sa réception : "
                        + motif.strip(), true, gestionnaire, maintenant);
        return 0;
    }
}
