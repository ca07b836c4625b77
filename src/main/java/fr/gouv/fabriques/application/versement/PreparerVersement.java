package fr.gouv.fabriques.application.versement;

import fr.gouv.fabriques.application.port.BilanRepository;
import fr.gouv.fabriques.application.Delais;
import fr.gouv.fabriques.application.port.ConventionRepository;
import fr.gouv.fabriques.domain.Convention;
import fr.gouv.fabriques.domain.Vague;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAmount;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When the payment of a year falls due and what it waits for: year 1 on the State's
 * signature; each later year on the anniversary (moved by the amendments' calendar shift, if any),
 * after the previous year's report.
 */
@Service
public class PreparerVersement {

    private final ConventionRepository conventions;
    private final BilanRepository bilans;
    private final Delais delais;

    public PreparerVersement(ConventionRepository conventions, BilanRepository bilans, Delais delais) {
        this.conventions = conventions;
        this.bilans = bilans;
        this.delais = delais;
    }

    @Transactional(readOnly = true)
    public Echeance preparer(long dossierId, int annee) {
        Convention convention = conventions.exiger(dossierId);
        ZonedDateTime date = convention.signeeEtatLe().atZone(Vague.FUSEAU);
        TemporalAmount periode = Delais.parse(delais.periodeVersement());
        for (int i = 1; i < annee; i++) {
            date = date.plus(periode);
        }
        if (annee > 1) {
            // Anniversaries moved by the convention's amendments; year 1 is paid on the State's signature.
            date = date.plusMonths(conventions.decalageMois(dossierId));
        }
        // The previous year's report is awaited unless already approved (payments resumed after a regularisation).
        boolean bilanRequis = annee > 1 && bilans.parDossierEtAnnee(dossierId, annee - 1)
                .map(b -> b.decision() != fr.gouv.fabriques.domain.DecisionBilan.APPROUVE).orElse(true);
        return new Echeance(annee, date.toInstant(), bilanRequis, annee - 1);
    }

    /** @param anneeBilanRequis the year whose report must be approved first (when {@code bilanRequis}) */
    public record Echeance(int annee, Instant date, boolean bilanRequis, int anneeBilanRequis) {
    }
}
