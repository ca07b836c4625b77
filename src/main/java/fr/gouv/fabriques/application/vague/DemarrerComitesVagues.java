package fr.gouv.fabriques.application.vague;

import fr.gouv.fabriques.application.port.ProcessusVague;
import fr.gouv.fabriques.application.port.VagueRepository;
import fr.gouv.fabriques.domain.Vague;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** At start-up, every wave not yet deliberated has its committee process (waves seeded or created before it existed). */
@Component
public class DemarrerComitesVagues {

    private final VagueRepository vagues;
    private final ProcessusVague processus;

    public DemarrerComitesVagues(VagueRepository vagues, ProcessusVague processus) {
        this.vagues = vagues;
        this.processus = processus;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    @Transactional
    public void demarrer() {
        for (Vague v : vagues.sansProcessus()) {
            processus.demarrer(v);
            vagues.marquerProcessusDemarre(v.code());
        }
    }
}
