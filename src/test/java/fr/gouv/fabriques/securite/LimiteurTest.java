package fr.gouv.fabriques.securite;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A limit per address, on a clock the test moves. */
class LimiteurTest {

    private final AtomicLong nanos = new AtomicLong();
    private final TimeMeter horloge = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };
    /** 3 per minute: a burst of 3, then one every 20 s. */
    private final Limiteur limiteur = new Limiteur(new LimitesProperties.Limite(3, Duration.ofMinutes(1)), 100, horloge);

    @Test
    void uneRafaleJusquALaCapaciteEnsuiteUneRequeteParIntervalle() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiteur.consommer("192.0.2.1")).as("requête %d", i + 1).isEmpty();
        }
        assertThat(limiteur.consommer("192.0.2.1")).contains(Duration.ofSeconds(20));
        assertThat(limiteur.attente("192.0.2.1")).contains(Duration.ofSeconds(20));
        // Another address has its own bucket.
        assertThat(limiteur.consommer("192.0.2.2")).isEmpty();

        nanos.addAndGet(Duration.ofSeconds(15).toNanos());
        assertThat(limiteur.consommer("192.0.2.1")).contains(Duration.ofSeconds(5));
        nanos.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(limiteur.attente("192.0.2.1")).isEmpty();
        assertThat(limiteur.consommer("192.0.2.1")).isEmpty();
        assertThat(limiteur.consommer("192.0.2.1")).isPresent();
    }

    @Test
    void lAttenteNeConsommeRienEtUneAdresseInconnueNAttendPas() {
        assertThat(limiteur.attente("198.51.100.9")).isEmpty();
        for (int i = 0; i < 10; i++) {
            limiteur.attente("192.0.2.1");
        }
        assertThat(limiteur.consommer("192.0.2.1")).isEmpty();
        limiteur.consommer("192.0.2.1");
        limiteur.consommer("192.0.2.1");
        assertThat(limiteur.attente("192.0.2.1")).isPresent();
        limiteur.reinitialiser();
        assertThat(limiteur.attente("192.0.2.1")).isEmpty();
    }

    @Test
    void leRetryAfterEstEnSecondesEntieresArrondiesAuDessus() {
        assertThat(Refus.secondes(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(Refus.secondes(Duration.ofMillis(18_001))).isEqualTo(19);
        assertThat(Refus.secondes(Duration.ZERO)).isEqualTo(1);
        assertThat(Refus.duree(1)).isEqualTo("1 seconde");
        assertThat(Refus.duree(90)).isEqualTo("90 secondes");
        assertThat(Refus.duree(900)).isEqualTo("15 minutes");
    }
}
