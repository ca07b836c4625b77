package fr.gouv.fabriques.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaracteresControleTest {

    @Test
    void nulEtLesAutresControlesC0SontInterditsSaufTabulationEtFinsDeLigne() {
        for (char c = 0; c < 0x20; c++) {
            assertThat(CaracteresControle.interdit(c)).as("U+%04X", (int) c).isEqualTo(c != '\t' && c != '\n' && c != '\r');
        }
        assertThat(CaracteresControle.interdit(' ')).isFalse();
        assertThat(CaracteresControle.interdit('é')).isFalse();
        assertThat(CaracteresControle.verifier("projet.description", "Ligne 1\r\nLigne 2\tcolonne")).isEmpty();
        assertThat(CaracteresControle.verifier("x", null)).isEmpty();
    }

    @Test
    void laFauteNommeLeChampLeCaractereEtSaPosition() {
        assertThat(CaracteresControle.verifier("structure.raisonSociale", "Association\u0000X")).contains(
                new Violation("structure.raisonSociale", "caractère de contrôle interdit (U+0000) à la position 12"));
        assertThat(CaracteresControle.verifier("signataire", "\u001b[31mrouge").orElseThrow().message())
                .isEqualTo("caractère de contrôle interdit (U+001B) à la position 1");
    }

    @Test
    void laPositionCompteLesCaracteresCommeUnePersonne() {
        // An emoji is two chars in Java, one character for whoever typed it.
        assertThat(CaracteresControle.verifier("c", "\uD83D\uDE00a\u0007").orElseThrow().message()).endsWith("à la position 3");
    }

    @Test
    void chaqueStatutDitCeQuIlAttend() {
        for (StatutDossier s : StatutDossier.values()) {
            assertThat(s.attente()).as(s.name()).isNotBlank();
        }
    }
}
