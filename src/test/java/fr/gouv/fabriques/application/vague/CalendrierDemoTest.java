package fr.gouv.fabriques.application.vague;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.fabriques.domain.Appel;
import fr.gouv.fabriques.domain.EtatVague;
import fr.gouv.fabriques.domain.Vague;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalendrierDemoTest {

    @Test
    void leCalendrierReelPuisUneVagueOuverteParAppel() {
        List<Vague> vagues = CalendrierDemo.vagues(LocalDate.of(2026, 11, 26));
        assertThat(vagues).extracting(Vague::code).contains("FNT-2019-10", "FDT-2019-12", "FDT-2020-03", "FDT-2021-12",
                "FDT-2026-12", "FNT-2026-12");
        assertThat(vagues).filteredOn(v -> v.etat() == EtatVague.OUVERTE).extracting(Vague::appel)
                .containsExactlyInAnyOrder(Appel.FABRIQUES_TERRITOIRE, Appel.FABRIQUES_NUMERIQUES);
        Vague fdt2019 = vagues.stream().filter(v -> v.code().equals("FDT-2019-12")).findFirst().orElseThrow();
        assertThat(fdt2019.dateLimiteLisible()).isEqualTo("30/12/2019 à 23h59");
        assertThat(fdt2019.etat()).isEqualTo(EtatVague.DELIBEREE);
    }

    @Test
    void laVagueOuverteLaisseAuMoinsTroisSemaines() {
        assertThat(fr.gouv.fabriques.domain.CalendrierVagues.finDeTrimestre(LocalDate.of(2026, 12, 17))).isEqualTo(LocalDate.of(2026, 12, 30));
        assertThat(fr.gouv.fabriques.domain.CalendrierVagues.finDeTrimestre(LocalDate.of(2026, 12, 31))).isEqualTo(LocalDate.of(2027, 3, 30));
        assertThat(fr.gouv.fabriques.domain.CalendrierVagues.finDeTrimestre(LocalDate.of(2027, 3, 30))).isEqualTo(LocalDate.of(2027, 3, 30));
    }
}
