package fr.gouv.fabriques.application.vague;

import fr.gouv.fabriques.application.port.ProcessusVague;
import fr.gouv.fabriques.application.port.VagueRepository;
import fr.gouv.fabriques.domain.EtatVague;
import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.ReportDateLimite;
import fr.gouv.fabriques.domain.Vague;
import fr.gouv.fabriques.domain.Violation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A programme manager moves an open wave's deposit deadline later, with a reason: the wave's
 * row, the timer its committee process waits on and the record of who, when and why are
 * written in one transaction (the engine shares the application's), or nothing is.
 *
 * <p>Only later: applicants rely on the published deadline, and an earlier close is
 * {@link DemanderClotureVague}. Not after the programme's end ({@link FinProgramme}), not once
 * the deadline has passed (the wave is closing). The committee sits after the deadline: when the
 * new deadline reaches the committee date, a new committee date is required with it.
 */
@Service
public class ReporterDateLimite {

    static final int MOTIF_MAX = 1000;

    private final VagueRepository vagues;
    private final ProcessusVague processus;
    private final FinProgramme fin;
    private final Clock horloge;

    public ReporterDateLimite(VagueRepository vagues, ProcessusVague processus, FinProgramme fin, Clock horloge) {
        this.vagues = vagues;
        this.processus = processus;
        this.fin = fin;
        this.horloge = horloge;
    }

    /**
     * @param dateComite the new committee date, or null to keep the current one
     * @return the wave with its new dates
     */
    @Transactional
    public Vague reporter(String code, Instant dateLimite, LocalDate dateComite, String motif, String gestionnaire) {
        Vague vague = vagues.verrouiller(code).orElseThrow(() -> new ErreurMetier("code", "Vague inconnue : " + code + "."));
        Instant maintenant = horloge.instant();
        if (vague.etat() != EtatVague.OUVERTE) {
            throw new ErreurMetier("etat", "La vague " + code + " est « " + vague.etat() + " » : seule la date limite d'une vague ouverte se "
                    + "reporte. Rien n'a été modifié.");
        }
        if (maintenant.isAfter(vague.dateLimite())) {
            throw new ErreurMetier("dateLimite", "La date limite de la vague " + code + " (" + vague.dateLimiteLisible()
                    + ", heure de Paris) est passée : la vague se clôt, elle ne se rouvre pas. Rien n'a été modifié.");
        }
        List<Violation> v = new ArrayList<>();
        if (dateLimite == null) {
            v.add(new Violation("dateLimite", "nouvelle date et heure limite de dépôt attendues (ISO-8601, ex. 2027-03-30T23:59:59+02:00)"));
        } else if (!dateLimite.isAfter(maintenant)) {
            v.add(new Violation("dateLimite", "la nouvelle date limite doit être dans le futur"));
        } else if (!dateLimite.isAfter(vague.dateLimite())) {
            v.add(new Violation("dateLimite", "la date limite ne peut que reculer : la nouvelle doit suivre l'actuelle, le "
                    + vague.dateLimiteLisible() + " (heure de Paris) ; pour clore plus tôt, POST /api/agents/vagues/" + code + "/cloture"));
        } else if (fin.depassePar(dateLimite)) {
            v.add(new Violation("dateLimite", "la nouvelle date limite dépasse la fin du programme, le " + fin.lisible()
                    + " (fabriques.programme.fin)"));
        }
        LocalDate comite = dateComite != null ? dateComite : vague.dateComite();
        if (dateLimite != null && comite != null && !comite.isAfter(LocalDate.ofInstant(dateLimite, Vague.FUSEAU))) {
            v.add(new Violation("dateComite", dateComite != null ? "le comité se réunit après la date limite de dépôt"
                    : "le comité prévu le " + comite + " ne suivrait plus la date limite : donnez aussi une nouvelle dateComite"));
        }
        String raison = motif == null ? "" : motif.strip();
        if (raison.isEmpty()) {
            v.add(new Violation("motif", "motif du report attendu (il est enregistré et consultable)"));
        } else if (raison.length() > MOTIF_MAX) {
            v.add(new Violation("motif", "motif de " + MOTIF_MAX + " caractères au plus"));
        }
        if (!v.isEmpty()) {
            throw new ErreursValidation(v);
        }
        processus.reporterDateLimite(code, dateLimite);
        vagues.changerDates(code, dateLimite, comite);
        vagues.enregistrerReport(new ReportDateLimite(code, vague.dateLimite(), dateLimite, vague.dateComite(), comite, raison, gestionnaire,
                maintenant));
        return new Vague(code, vague.appel(), dateLimite, comite, vague.etat());
    }
}
