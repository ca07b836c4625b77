package fr.gouv.fabriques.process.comite;

import fr.gouv.fabriques.process.deploiement.ExposeAuxModeles;
import fr.gouv.fabriques.application.comite.DecrireSeance;
import fr.gouv.fabriques.application.port.ClassementVague;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Read by bpmn/comite-vague.bpmn as {@code ${ordreDuJourComite.numeros(vague)}}: the
 * collection of the decision tasks, the numbers of the wave's agenda in ranked order
 * (category, then score). Computed from the database when the tasks are created, and
 * kept by the engine only as one short variable per task.
 */
@ExposeAuxModeles
@Component("ordreDuJourComite")
public class OrdreDuJourComite {

    private final DecrireSeance decrireSeance;

    OrdreDuJourComite(DecrireSeance decrireSeance) {
        this.decrireSeance = decrireSeance;
    }

    public List<String> numeros(String vague) {
        return decrireSeance.dossiers(vague).stream().map(ClassementVague.Ligne::numero).toList();
    }
}
