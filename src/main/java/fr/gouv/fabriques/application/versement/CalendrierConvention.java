package fr.gouv.fabriques.application.versement;

import fr.gouv.fabriques.application.Delais;
import fr.gouv.fabriques.application.port.ConventionRepository;
import fr.gouv.fabriques.application.port.VersementRepository;
import fr.gouv.fabriques.domain.Convention;
import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.Vague;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAmount;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The convention's calendar (its article 5): year n of the convention ends on the n-th
 * anniversary of the State's signature; the report of year n is due at that date plus
 * {@code fabriques.delais.depot-bilan}, the final report at the end of the last year
 * (year 3) plus the same delay; the laureate is reminded {@code fabriques.delais.rappel-bilan}
 * before each deadline. An amendment may move the anniversaries some months later
 * ({@link ConventionRepository#decalageMois}). Read by the timers of bpmn/dossier.bpmn and bpmn/bilan-annuel.bpmn.
 */
@Service
public class CalendrierConvention {

    private final ConventionRepository conventions;
    private final VersementRepository versements;
    private final Delais delais;

    public CalendrierConvention(ConventionRepository conventions, VersementRepository versements, Delais delais) {
        this.conventions = conventions;
        this.versements = versements;
        this.delais = delais;
    }

    /** The end of year {@code annee} of the convention: the {@code annee}-th anniversary of the State's signature. */
    @Transactional(readOnly = true)
    public Instant finAnnee(long dossierId, int annee) {
        return decaler(finAnnee(signature(dossierId), Delais.parse(delais.periodeVersement()), annee), conventions.decalageMois(dossierId));
    }

    /** The anniversaries moved {@code mois} months later by the convention's amendments (0: unchanged). */
    public static Instant decaler(Instant date, int mois) {
        return mois == 0 ? date : date.atZone(Vague.FUSEAU).plusMonths(mois).toInstant();
    }

    /** The end of the convention: the end of its last year of payment (year 3). */
    @Transactional(readOnly = true)
    public Instant finConvention(long dossierId) {
        int derniere = versements.parDossier(dossierId).stream().mapToInt(v -> v.annee()).max().orElse(3);
        return finAnnee(dossierId, derniere);
    }

    /** The deadline of the report of year {@code annee}. */
    @Transactional(readOnly = true)
    public Instant limiteBilan(long dossierId, int annee) {
        return limiteBilan(finAnnee(dossierId, annee), Delais.parse(delais.depotBilan()));
    }

    /** When the laureate is reminded of the report of year {@code annee}. */
    @Transactional(readOnly = true)
    public Instant rappelBilan(long dossierId, int annee) {
        return rappel(limiteBilan(dossierId, annee), Delais.parse(delais.rappelBilan()));
    }

    public static Instant finAnnee(Instant signature, TemporalAmount periode, int annee) {
        ZonedDateTime date = signature.atZone(Vague.FUSEAU);
        for (int i = 0; i < annee; i++) {
            date = date.plus(periode);
        }
        return date.toInstant();
    }

    public static Instant limiteBilan(Instant finAnnee, TemporalAmount delai) {
        return finAnnee.atZone(Vague.FUSEAU).plus(delai).toInstant();
    }

    public static Instant rappel(Instant limite, TemporalAmount avance) {
        return limite.atZone(Vague.FUSEAU).minus(avance).toInstant();
    }

    private Instant signature(long dossierId) {
        Convention convention = conventions.exiger(dossierId);
        if (convention.signeeEtatLe() == null) {
            throw new ErreurMetier("La convention du dossier n'est pas signée par l'État : son calendrier ne court pas encore.");
        }
        return convention.signeeEtatLe();
    }
}
