package fr.gouv.fabriques.application.comite;

import fr.gouv.fabriques.application.ProgrammeProperties;
import fr.gouv.fabriques.application.port.ProgrammeRepository;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** At start-up: the programme's row exists, with the configured envelope (refused if below what is committed). */
@Component
public class InitialiserProgramme {

    private final ProgrammeRepository programme;
    private final ProgrammeProperties proprietes;

    public InitialiserProgramme(ProgrammeRepository programme, ProgrammeProperties proprietes) {
        this.programme = programme;
        this.proprietes = proprietes;
    }

    @EventListener(ContextRefreshedEvent.class)
    @Transactional
    public void initialiser() {
        programme.initialiser(proprietes.initial());
    }
}
