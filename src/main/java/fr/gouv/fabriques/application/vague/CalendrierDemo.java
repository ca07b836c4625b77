package fr.gouv.fabriques.application.vague;

import fr.gouv.fabriques.application.port.VagueRepository;
import fr.gouv.fabriques.domain.Appel;
import fr.gouv.fabriques.domain.CalendrierVagues;
import fr.gouv.fabriques.domain.EtatVague;
import fr.gouv.fabriques.domain.Vague;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode only: the programme's real calendar as history (numériques 15/10/2019,
 * FdT 30/12/2019, then quarterly waves 2020–2021), plus one open wave per call a few
 * weeks ahead, so that a newcomer can deposit at once. Idempotent: known codes are left alone.
 */
@Component
public class CalendrierDemo {

    private static final Logger LOG = LoggerFactory.getLogger(CalendrierDemo.class);
    private static final int DELAI_MINIMUM_JOURS = 21;

    private final VagueRepository vagues;
    private final Clock horloge;
    private final boolean demo;

    public CalendrierDemo(VagueRepository vagues, Clock horloge, @Value("${fabriques.mode:demo}") String mode) {
        this.vagues = vagues;
        this.horloge = horloge;
        this.demo = "demo".equals(mode);
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    @Transactional
    public void semer() {
        if (!demo) {
            return;
        }
        int crees = 0;
        for (Vague v : vagues(LocalDate.ofInstant(horloge.instant(), Vague.FUSEAU))) {
            crees += vagues.ajouterSiAbsente(v) ? 1 : 0;
        }
        if (crees > 0) {
            LOG.info("Mode démo : {} vague(s) créée(s) (historique 2019–2021 et vagues ouvertes)", crees);
        }
    }

    /** The calendar as of {@code aujourdhui}. */
    public static List<Vague> vagues(LocalDate aujourdhui) {
        List<Vague> liste = new ArrayList<>();
        liste.add(vague(Appel.FABRIQUES_NUMERIQUES, LocalDate.of(2019, 10, 15), EtatVague.DELIBEREE));
        liste.add(vague(Appel.FABRIQUES_TERRITOIRE, LocalDate.of(2019, 12, 30), EtatVague.DELIBEREE));
        for (int annee = 2020; annee <= 2021; annee++) {
            for (int mois = 3; mois <= 12; mois += 3) {
                liste.add(vague(Appel.FABRIQUES_TERRITOIRE, LocalDate.of(annee, mois, 30), EtatVague.DELIBEREE));
            }
        }
        LocalDate limite = CalendrierVagues.finDeTrimestre(aujourdhui.plusDays(DELAI_MINIMUM_JOURS));
        liste.add(vague(Appel.FABRIQUES_TERRITOIRE, limite, EtatVague.OUVERTE));
        liste.add(vague(Appel.FABRIQUES_NUMERIQUES, limite, EtatVague.OUVERTE));
        return liste;
    }

    private static Vague vague(Appel appel, LocalDate limite, EtatVague etat) {
        return CalendrierVagues.vague(appel, limite, etat);
    }
}
