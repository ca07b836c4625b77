package fr.gouv.fabriques.application.vague;

import fr.gouv.fabriques.application.port.ProcessusVague;
import fr.gouv.fabriques.application.port.VagueRepository;
import fr.gouv.fabriques.domain.CalendrierVagues;
import fr.gouv.fabriques.domain.Vague;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where a dossier goes when its wave's committee cannot decide it (still in
 * instruction, adjourned): the next open wave of its call — and if none is planned,
 * the next quarterly wave, created open with its committee process, so that no
 * dossier waits forever.
 */
@Component
public class VagueSuivante {

    private static final Logger LOG = LoggerFactory.getLogger(VagueSuivante.class);
    private final VagueRepository vagues;
    private final ProcessusVague processus;

    public VagueSuivante(VagueRepository vagues, ProcessusVague processus) {
        this.vagues = vagues;
        this.processus = processus;
    }

    public Vague de(Vague vague) {
        return vagues.suivante(vague).orElseGet(() -> {
            Vague nouvelle = CalendrierVagues.suivante(vague);
            while (vagues.parCode(nouvelle.code()).isPresent()) {
                nouvelle = CalendrierVagues.suivante(nouvelle);
            }
            vagues.ajouterSiAbsente(nouvelle);
            processus.demarrer(nouvelle);
            vagues.marquerProcessusDemarre(nouvelle.code());
            LOG.info("Vague {} créée pour accueillir les dossiers reportés de la vague {}", nouvelle.code(), vague.code());
            return nouvelle;
        });
    }
}
