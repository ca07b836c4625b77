package fr.gouv.fabriques.application.vague;

import fr.gouv.fabriques.application.port.VerrouDemarrage;

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
    private final VerrouDemarrage verrou;

    public DemarrerComitesVagues(VagueRepository vagues, ProcessusVague processus, VerrouDemarrage verrou) {
        this.vagues = vagues;
        this.processus = processus;
        this.verrou = verrou;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    @Transactional
    public void demarrer() {
        // Two nodes starting together: one starts the committees, the other then finds them started.
        verrou.prendre("comites-des-vagues");
        for (Vague v : vagues.sansProcessus()) {
            processus.demarrer(v);
            vagues.marquerProcessusDemarre(v.code());
        }
    }
}
