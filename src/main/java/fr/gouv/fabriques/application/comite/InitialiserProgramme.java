package fr.gouv.fabriques.application.comite;

import fr.gouv.fabriques.application.port.VerrouDemarrage;

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
    private final VerrouDemarrage verrou;

    public InitialiserProgramme(ProgrammeRepository programme, ProgrammeProperties proprietes, VerrouDemarrage verrou) {
        this.programme = programme;
        this.proprietes = proprietes;
        this.verrou = verrou;
    }

    @EventListener(ContextRefreshedEvent.class)
    @Transactional
    public void initialiser() {
        verrou.prendre("programme");
        programme.initialiser(proprietes.initial());
    }
}
