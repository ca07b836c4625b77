package fr.gouv.fabriques.application.vague;

import fr.gouv.fabriques.application.port.VagueRepository;
import fr.gouv.fabriques.domain.Vague;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The waves of both calls, by deadline. */
@Service
public class ConsulterVagues {

    private final VagueRepository vagues;

    public ConsulterVagues(VagueRepository vagues) {
        this.vagues = vagues;
    }

    @Transactional(readOnly = true)
    public List<Vague> toutes() {
        return vagues.toutes();
    }

    /** The outcome of each wave's latest publication attempt (published counts, or why it was refused), by code. */
    @Transactional(readOnly = true)
    public java.util.Map<String, fr.gouv.fabriques.domain.PublicationVague> publications() {
        return vagues.publications();
    }

    /** Every wave's deadline moves, oldest first, by code. */
    @Transactional(readOnly = true)
    public java.util.Map<String, List<fr.gouv.fabriques.domain.ReportDateLimite>> reports() {
        return vagues.reports();
    }

    /** A wave by its code. */
    @Transactional(readOnly = true)
    public java.util.Optional<Vague> parCode(String code) {
        return vagues.parCode(code);
    }
}
