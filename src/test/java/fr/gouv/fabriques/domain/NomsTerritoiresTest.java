package fr.gouv.fabriques.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.fabriques.process.identite.Departements;
import org.junit.jupiter.api.Test;

class NomsTerritoiresTest {

    @Test
    void chaqueDepartementDuProgrammeEstNomme() {
        assertThat(NomsTerritoires.nombreDepartements()).isEqualTo(Departements.CODES.size()).isEqualTo(101);
        assertThat(Departements.CODES).allSatisfy(code -> assertThat(NomsTerritoires.departement(code)).doesNotStartWith("département "));
        assertThat(NomsTerritoires.departement("58")).isEqualTo("Nièvre");
        assertThat(NomsTerritoires.departement("2A")).isEqualTo("Corse-du-Sud");
        assertThat(NomsTerritoires.departement("976")).isEqualTo("Mayotte");
    }

    @Test
    void lesDixHuitRegions() {
        assertThat(NomsTerritoires.region("27")).isEqualTo("Bourgogne-Franche-Comté");
        assertThat(NomsTerritoires.region("94")).isEqualTo("Corse");
        assertThat(NomsTerritoires.region("99")).isEqualTo("région 99");
    }
}
