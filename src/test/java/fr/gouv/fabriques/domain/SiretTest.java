package fr.gouv.fabriques.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SiretTest {

    @ParameterizedTest
    @ValueSource(strings = {"73282932000074", "35600000000001", "35600000000010", "13002526500013"})
    void siretsValides(String siret) {
        assertThat(Siret.erreur(siret)).isEmpty();
        assertThat(new Siret(siret).siren()).isEqualTo(siret.substring(0, 9));
    }

    @ParameterizedTest
    @ValueSource(strings = {"73282932000075", "35600000000002", "7328293200007", "732829320000745", "7328293200007A", "732 829 320 00074", ""})
    void siretsInvalides(String siret) {
        assertThat(Siret.erreur(siret)).isPresent();
        assertThatThrownBy(() -> new Siret(siret)).isInstanceOf(ErreursValidation.class)
                .satisfies(e -> assertThat(((ErreursValidation) e).violations()).extracting(Violation::champ).containsExactly("structure.siret"));
    }

    @org.junit.jupiter.api.Test
    void laPosteSuitLaRegleDeLaSommeDesChiffres() {
        // 35600000000001: Luhn says no, the La Poste rule (sum 15, a multiple of 5) says yes.
        assertThat(Siret.luhn("35600000000001")).isFalse();
        assertThat(Siret.erreur("35600000000001")).isEmpty();
        assertThat(Siret.erreur("35600000000048").orElseThrow()).contains("clé de contrôle");
    }
}
