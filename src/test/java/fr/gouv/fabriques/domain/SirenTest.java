package fr.gouv.fabriques.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SirenTest {

    @ParameterizedTest
    @ValueSource(strings = {"732829320", "130025265", "356000000"})
    void sirensValides(String siren) {
        assertThat(Siren.erreur(siren)).isEmpty();
        assertThat(new Siren(siren).valeur()).isEqualTo(siren);
    }

    @ParameterizedTest
    @ValueSource(strings = {"732829321", "73282932", "7328293200", "73282932A", "732 829 320", ""})
    void sirensInvalides(String siren) {
        assertThat(Siren.erreur(siren)).isPresent();
        assertThatThrownBy(() -> new Siren(siren)).isInstanceOf(ErreursValidation.class)
                .satisfies(e -> assertThat(((ErreursValidation) e).violations()).extracting(Violation::champ).containsExactly("siren"));
    }

    @org.junit.jupiter.api.Test
    void laCleDeLuhnEstNommee() {
        assertThat(Siren.erreur("732829321").orElseThrow()).contains("Luhn");
        assertThat(Siren.erreur(null).orElseThrow()).contains("obligatoire");
    }
}
