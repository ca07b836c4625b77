package fr.gouv.fabriques.application.vague;

import fr.gouv.fabriques.application.port.ProcessusVague;
import fr.gouv.fabriques.application.port.VagueRepository;
import fr.gouv.fabriques.domain.Appel;
import fr.gouv.fabriques.domain.EtatVague;
import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.Vague;
import fr.gouv.fabriques.domain.Violation;
import fr.gouv.fabriques.domain.ErreursValidation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A programme manager opens a wave: deposits until its deadline, then its committee process runs.
 * Its deadline falls within the programme ({@link FinProgramme}); its committee may sit later.
 */
@Service
public class CreerVague {

    private final VagueRepository vagues;
    private final ProcessusVague processus;
    private final FinProgramme fin;
    private final Clock horloge;

    public CreerVague(VagueRepository vagues, ProcessusVague processus, FinProgramme fin, Clock horloge) {
        this.vagues = vagues;
        this.fin = fin;
        this.processus = processus;
        this.horloge = horloge;
    }

    @Transactional
    public Vague creer(String code, String appel, Instant dateLimite, LocalDate dateComite) {
        List<Violation> v = new ArrayList<>();
        Appel a = null;
        try {
            a = appel == null ? null : Appel.valueOf(appel);
        } catch (IllegalArgumentException e) {
            a = null;
        }
        if (a == null) {
            v.add(new Violation("appel", "appel attendu : FABRIQUES_TERRITOIRE ou FABRIQUES_NUMERIQUES"));
        }
        if (code == null || !code.matches("[A-Z]{3}-\\d{4}-[0-9A-Z]{2,8}")) {
            v.add(new Violation("code", "code attendu de la forme FDT-2027-03 (préfixe de l'appel, année, repère)"));
        } else if (a != null && !code.startsWith(a.prefixe() + "-")) {
            v.add(new Violation("code", "le code d'une vague de l'appel " + a + " commence par " + a.prefixe() + "-"));
        }
        Instant maintenant = horloge.instant();
        if (dateLimite == null) {
            v.add(new Violation("dateLimite", "date et heure limite de dépôt attendues (ISO-8601, ex. 2027-03-30T23:59:59+02:00)"));
        } else if (!dateLimite.isAfter(maintenant)) {
            v.add(new Violation("dateLimite", "la date limite doit être dans le futur"));
        } else if (fin.depassePar(dateLimite)) {
            v.add(new Violation("dateLimite", "la date limite dépasse la fin du programme, le " + fin.lisible()
                    + " (fabriques.programme.fin) : aucune vague ne reçoit de dépôt après cette date"));
        }
        if (dateComite != null && dateLimite != null && !dateComite.isAfter(LocalDate.ofInstant(dateLimite, Vague.FUSEAU))) {
            v.add(new Violation("dateComite", "le comité se réunit après la date limite de dépôt"));
        }
        if (!v.isEmpty()) {
            throw new ErreursValidation(v);
        }
        Vague vague = new Vague(code, a, dateLimite, dateComite, EtatVague.OUVERTE);
        if (!vagues.ajouterSiAbsente(vague)) {
            throw new ErreurMetier("code", "La vague " + code + " existe déjà.");
        }
        processus.demarrer(vague);
        vagues.marquerProcessusDemarre(code);
        return vague;
    }
}
