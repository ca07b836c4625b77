package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.domain.Avis;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.Critere;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The scoring grid analysts tune in bpmn/notation-instruction.dmn: the weight of each
 * criterion for a category, and the recommendation a total score leads to.
 */
public interface GrilleNotation {

    Map<Critere, Integer> poids(Categorie categorie);

    Avis recommandation(BigDecimal score);
}
