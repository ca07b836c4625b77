package fr.gouv.fabriques.application.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PolitiqueRelanceTest {

    final PolitiqueRelance relance = new PolitiqueRelance(5, Duration.ofMinutes(1), Duration.ofMinutes(5));
    final Instant t = Instant.parse("2026-03-03T10:00:00Z");

    @Test
    void leDelaiDoubleAChaqueEchecJusquAuMaximum() {
        assertThat(relance.delai(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(relance.delai(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(relance.delai(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(relance.delai(4)).isEqualTo(Duration.ofMinutes(5));
        assertThat(relance.delai(1000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void apresLaDerniereTentativeOnAbandonne() {
        assertThat(relance.apresEchec(1, t)).contains(t.plus(Duration.ofMinutes(1)));
        assertThat(relance.apresEchec(4, t)).contains(t.plus(Duration.ofMinutes(5)));
        assertThat(relance.apresEchec(5, t)).isEmpty();
    }

    @Test
    void uneTentativeAuDelaDuMaximumNEstPasAutorisee() {
        assertThat(relance.tentativeAutorisee(5)).isTrue();
        assertThat(relance.tentativeAutorisee(6)).isFalse();
    }
}
