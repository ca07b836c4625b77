package fr.gouv.fabriques.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlafondsFinancementTest {

    final PlafondsFinancement plafonds = PlafondsFinancement.PROGRAMME_2019;

    @Test
    void lesBornesSontInclusives() {
        assertThat(plafonds.violations(new MontantsAnnuels(25_000, 25_000, 25_000), "m")).isEmpty();
        assertThat(plafonds.violations(new MontantsAnnuels(50_000, 50_000, 50_000), "m")).isEmpty();
    }

    @Test
    void chaqueDepassementEstNommeParSonChamp() {
        assertThat(plafonds.violations(new MontantsAnnuels(50_001, 50_000, 50_000), "montantsDemandes"))
                .extracting(Violation::champ).containsExactly("montantsDemandes.annee1", "montantsDemandes");
        assertThat(plafonds.violations(new MontantsAnnuels(25_000, 25_000, 24_999), "montantsDemandes"))
                .singleElement().satisfies(v -> assertThat(v.message()).contains("75 000 €").contains("74 999 €"));
        assertThat(plafonds.violations(new MontantsAnnuels(-1, 50_000, 50_000), "m")).extracting(Violation::champ).contains("m.annee1");
        assertThat(plafonds.violations(new MontantsAnnuels(50_000, 50_000, 60_000), i -> "montantAccorde" + i, "montantsAccordes"))
                .extracting(Violation::champ).containsExactly("montantAccorde3", "montantsAccordes");
    }

    @Test
    void leSupplementNumeriqueEstVerseLaPremiereAnneeHorsPlafondAnnuel() {
        MontantsAnnuels m = new MontantsAnnuels(50_000, 40_000, 30_000);
        assertThat(plafonds.montantVerse(m, 1, Categorie.NUMERIQUE_QPV)).isEqualTo(150_000);
        assertThat(plafonds.montantVerse(m, 2, Categorie.NUMERIQUE_QPV)).isEqualTo(40_000);
        assertThat(plafonds.montantVerse(m, 1, Categorie.QPV)).isEqualTo(50_000);
    }
}
