package fr.gouv.fabriques.application.depot;

import fr.gouv.fabriques.application.port.DepotIdempotentRepository;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A deposit's response (access token included, the only place it is kept in clear)
 * is remembered under its Idempotency-Key for the retry window only, then forgotten.
 */
@Component
public class PurgerCleIdempotence {

    private static final Logger LOG = LoggerFactory.getLogger(PurgerCleIdempotence.class);
    private final DepotIdempotentRepository idempotence;
    private final Clock horloge;
    private final Duration fenetre;

    public PurgerCleIdempotence(DepotIdempotentRepository idempotence, Clock horloge,
            @Value("${fabriques.depot.fenetre-idempotence:PT24H}") Duration fenetre) {
        this.idempotence = idempotence;
        this.horloge = horloge;
        this.fenetre = fenetre;
    }

    @Scheduled(fixedDelayString = "${fabriques.depot.purge-idempotence:PT1H}", initialDelayString = "PT5M")
    @Transactional
    public int purger() {
        int n = idempotence.purgerAvant(horloge.instant().minus(fenetre));
        if (n > 0) {
            LOG.info("{} réponse(s) de dépôt oubliée(s) après la fenêtre de rejeu de {}", n, fenetre);
        }
        return n;
    }
}
