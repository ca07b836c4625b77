package fr.gouv.fabriques.application.vague;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class FinProgrammeTest {

    static final Clock NOVEMBRE_2026 = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneId.of("Europe/Paris"));

    @Test
    void enProductionLeProgrammeFinitLe31Octobre2022ALaDerniereSecondeHeureDeParis() {
        FinProgramme fin = new FinProgramme("", "production", NOVEMBRE_2026);
        assertThat(fin.jour()).isEqualTo(LocalDate.of(2022, 10, 31));
        assertThat(fin.lisible()).isEqualTo("31/10/2022");
        assertThat(fin.instant()).isEqualTo(Instant.parse("2022-10-31T22:59:59Z"));
        assertThat(fin.depassePar(Instant.parse("2022-10-31T22:59:59Z"))).isFalse();
        assertThat(fin.depassePar(Instant.parse("2022-10-31T23:00:00Z"))).isTrue();
    }

    @Test
    void enDemoLeProgrammeCourtJusquALaFinDeLAnneeSuivantePourQueLesVaguesOuvertesDeLaDemoEnFassentPartie() {
        FinProgramme fin = new FinProgramme(null, "demo", NOVEMBRE_2026);
        assertThat(fin.jour()).isEqualTo(LocalDate.of(2027, 12, 31));
        CalendrierDemo.vagues(LocalDate.of(2026, 11, 26)).forEach(v -> assertThat(fin.depassePar(v.dateLimite())).as(v.code()).isFalse());
    }

    @Test
    void laProprieteLEmporteEtUneDateMalFormeeEmpecheLeDemarrageAvecUnMessageClair() {
        assertThat(new FinProgramme("2021-12-31", "demo", NOVEMBRE_2026).jour()).isEqualTo(LocalDate.of(2021, 12, 31));
        assertThatThrownBy(() -> new FinProgramme("fin 2022", "production", NOVEMBRE_2026))
                .hasMessageContaining("fabriques.programme.fin").hasMessageContaining("2022-10-31");
    }
}
