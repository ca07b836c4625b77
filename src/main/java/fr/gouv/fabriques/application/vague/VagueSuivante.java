package fr.gouv.fabriques.application.vague;

import fr.gouv.fabriques.application.port.ProcessusVague;
import fr.gouv.fabriques.application.port.VagueRepository;
import fr.gouv.fabriques.domain.CalendrierVagues;
import fr.gouv.fabriques.domain.Vague;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where a dossier goes when its wave's committee cannot decide it (still in
 * instruction, adjourned): the next open wave of its call — and if none is planned,
 * the next quarterly wave, created open with its committee process, so that no
 * dossier waits forever. Not after the programme's end ({@link FinProgramme}): a wave
 * whose deadline would fall after it never opens on its own, and then there is no next
 * wave (the dossier stays in its own).
 */
@Component
public class VagueSuivante {

    private static final Logger LOG = LoggerFactory.getLogger(VagueSuivante.class);
    private final VagueRepository vagues;
    private final ProcessusVague processus;
    private final FinProgramme fin;

    public VagueSuivante(VagueRepository vagues, ProcessusVague processus, FinProgramme fin) {
        this.vagues = vagues;
        this.processus = processus;
        this.fin = fin;
    }

    /** The wave after this one, or empty when the programme ends before any. */
    public Optional<Vague> de(Vague vague) {
        Optional<Vague> prevue = vagues.suivante(vague);
        if (prevue.isPresent()) {
            return prevue;
        }
        Vague nouvelle = CalendrierVagues.suivante(vague);
        while (vagues.parCode(nouvelle.code()).isPresent()) {
            nouvelle = CalendrierVagues.suivante(nouvelle);
        }
        if (fin.depassePar(nouvelle.dateLimite())) {
            LOG.info("Aucune vague après la vague {} : le programme s'achève le {} ({} n'est pas ouverte)", vague.code(), fin.lisible(),
                    nouvelle.code());
            return Optional.empty();
        }
        vagues.ajouterSiAbsente(nouvelle);
        processus.demarrer(nouvelle);
        vagues.marquerProcessusDemarre(nouvelle.code());
        LOG.info("Vague {} créée pour accueillir les dossiers reportés de la vague {}", nouvelle.code(), vague.code());
        return Optional.of(nouvelle);
    }

    /** Why no wave follows this one (French, for the dossier's timeline). */
    public String sansSuite(Vague vague) {
        return "le programme s'achève le " + fin.lisible() + ", aucune vague ne s'ouvre après la vague " + vague.code()
                + " ; le dossier y reste";
    }
}
