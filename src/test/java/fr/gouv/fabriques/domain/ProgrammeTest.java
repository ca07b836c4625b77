package fr.gouv.fabriques.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgrammeTest {

    private static Programme programme(long engage) {
        Map<Categorie, Integer> quotas = new EnumMap<>(Categorie.class);
        Map<Categorie, Integer> laureats = new EnumMap<>(Categorie.class);
        for (Categorie c : Categorie.values()) {
            quotas.put(c, 100);
            laureats.put(c, 10);
        }
        return new Programme(300, quotas, laureats, 45_000_000L, engage);
    }

    @Test
    void uneConventionTermineeAvantTermeRendSonNonVerseALEnveloppeEtGardeSaPlace() {
        Programme apres = programme(1_000_000L).libererEnveloppe(80_000L);
        assertThat(apres.engage()).isEqualTo(920_000L);
        assertThat(apres.laureats()).isEqualTo(programme(0).laureats());
    }

    @Test
    void rienNeDescendSousZero() {
        assertThat(programme(50_000L).libererEnveloppe(80_000L).engage()).isZero();
        assertThat(programme(50_000L).libererEnveloppe(-10L).engage()).isEqualTo(50_000L);
    }
}
