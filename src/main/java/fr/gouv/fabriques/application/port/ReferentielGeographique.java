package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.domain.Commune;
import java.util.Optional;

/**
 * The official geography (communes, their département, région, postal codes and EPCI),
 * from the resource derived from {@code @etalab/decoupage-administratif} (README
 * « Référentiel géographique »).
 */
public interface ReferentielGeographique {

    /**
     * The current commune with this INSEE code; an arrondissement municipal of Paris, Lyon
     * or Marseille (75101–75120, 69381–69389, 13201–13216) gives its commune, with the
     * arrondissement's own postal codes. Empty for any other code, including the code of a
     * former commune (see {@link #communeActuelleDe}).
     */
    Optional<Commune> commune(String codeInsee);

    /**
     * For the code of a former commune that became a commune déléguée or associée of a
     * commune nouvelle (and lost its own code), the current commune to give instead.
     */
    Optional<Commune> communeActuelleDe(String codeAncien);
}
