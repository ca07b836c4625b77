package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.domain.Avis;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.Critere;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The scoring grid analysts tune in bpmn/notation-instruction.dmn: the weight of each
 * criterion for a category, and the recommendation a total score leads to, each with the
 * version of the table that gave it (recorded with the instruction's proposal).
 */
public interface GrilleNotation {

    Ponderation ponderation(Categorie categorie);

    Recommandation recommander(BigDecimal score);

    default Map<Critere, Integer> poids(Categorie categorie) {
        return ponderation(categorie).poids();
    }

    record Ponderation(Map<Critere, Integer> poids, VersionDecision version) {
    }

    record Recommandation(Avis avis, VersionDecision version) {
    }
}
