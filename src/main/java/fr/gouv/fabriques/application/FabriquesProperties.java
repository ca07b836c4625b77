package fr.gouv.fabriques.application;

import fr.gouv.fabriques.domain.PlafondsFinancement;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The programme's figures that may change without a release (application.yaml,
 * environment). Defaults are the 2019 programme's (« Le programme en bref » (README)).
 */
@ConfigurationProperties(prefix = "fabriques.financement")
public record FabriquesProperties(
        @DefaultValue("75000") int plancherTotal,
        @DefaultValue("150000") int plafondTotal,
        @DefaultValue("50000") int plafondAnnuel,
        @DefaultValue("100000") int supplementNumerique) {

    public PlafondsFinancement plafonds() {
        return new PlafondsFinancement(plancherTotal, plafondTotal, plafondAnnuel, supplementNumerique);
    }
}
