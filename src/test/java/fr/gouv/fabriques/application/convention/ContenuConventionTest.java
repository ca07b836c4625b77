package fr.gouv.fabriques.application.convention;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.fabriques.application.Delais;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ContenuConventionTest {

    @Test
    void lesDureesDatesEtMontantsSEcriventEnFrancais() {
        assertThat(ContenuConvention.duree(Delais.parse("P60D"))).isEqualTo("60\u00a0jours");
        assertThat(ContenuConvention.duree(Delais.parse("P1Y2M"))).isEqualTo("1\u00a0an et 2\u00a0mois");
        assertThat(ContenuConvention.duree(Delais.parse("PT10M"))).isEqualTo("10\u00a0minutes");
        assertThat(ContenuConvention.duree(Delais.parse("PT1H30M"))).isEqualTo("1\u00a0heure et 30\u00a0minutes");
        assertThat(ContenuConvention.duree(Delais.parse("P1D"))).isEqualTo("1\u00a0jour");
        ZoneId paris = ZoneId.of("Europe/Paris");
        assertThat(ContenuConvention.date(ZonedDateTime.of(2026, 3, 1, 10, 0, 0, 0, paris))).isEqualTo("1er mars 2026");
        assertThat(ContenuConvention.date(ZonedDateTime.of(2026, 12, 15, 10, 0, 0, 0, paris))).isEqualTo("15 décembre 2026");
        assertThat(ContenuConvention.euros(150_000)).isEqualTo("150\u00a0000\u00a0€");
        assertThat(ContenuConvention.euros(0)).isEqualTo("0\u00a0€");
    }
}
