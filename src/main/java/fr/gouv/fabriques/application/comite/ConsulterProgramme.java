package fr.gouv.fabriques.application.comite;

import fr.gouv.fabriques.application.port.ProgrammeRepository;
import fr.gouv.fabriques.domain.Programme;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Quotas, laureates and envelope as they stand. */
@Service
public class ConsulterProgramme {

    private final ProgrammeRepository programmes;

    public ConsulterProgramme(ProgrammeRepository programmes) {
        this.programmes = programmes;
    }

    @Transactional(readOnly = true)
    public Programme programme() {
        return programmes.lire();
    }
}
