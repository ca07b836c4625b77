package fr.gouv.fabriques.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The amendment rules: caps, years paid or ordered, payments neither added nor removed, envelope, shift, SIRET. */
class ModificationConventionTest {

    static final Instant LE = Instant.parse("2030-01-01T10:00:00Z");
    static final PlafondsFinancement PLAFONDS = PlafondsFinancement.PROGRAMME_2019;
    static final String SIRET = "73282932000074";
    static final Convention CONVENTION = new Convention(7, new MontantsAnnuels(50_000, 50_000, 50_000), 0, LE, LE, LE, "gestionnaire",
            StatutConvention.SIGNEE);
    static final Programme PROGRAMME = new Programme(300, Map.of(Categorie.QPV, 120), Map.of(Categorie.QPV, 10), 1_000_000, 950_000);

    private static Versement prevu(int annee) {
        return new Versement(7, annee, 50_000, null, null, null, null, null, null, null);
    }

    private static Versement emis(int annee) {
        return new Versement(7, annee, 50_000, "financier", LE, "financier2", LE, LE, "VRS-" + annee, null);
    }

    private static Versement ordonnance(int annee) {
        return new Versement(7, annee, 50_000, "financier", LE, null, null, null, null, null);
    }

    private static long verifier(ModificationConvention m, List<Versement> versements) {
        return m.verifier(CONVENTION, versements, SIRET, PLAFONDS, PROGRAMME);
    }

    @Test
    void uneBaisseDesAnneesNonVerseesLibereDeLEnveloppe() {
        ModificationConvention m = new ModificationConvention(new MontantsAnnuels(50_000, 40_000, 30_000), null, null, "Moins d'activité");
        assertThat(verifier(m, List.of(emis(1), prevu(2), prevu(3)))).isEqualTo(-30_000);
    }

    @Test
    void lesPlafondsSontNommesChampParChamp() {
        ModificationConvention m = new ModificationConvention(new MontantsAnnuels(50_000, 60_000, 50_000), null, null, "Hausse");
        assertThatThrownBy(() -> verifier(m, List.of(prevu(1), prevu(2), prevu(3)))).isInstanceOf(ErreursValidation.class)
                .satisfies(e -> assertThat(((ErreursValidation) e).violations()).extracting(Violation::champ)
                        .contains("montants.annee2", "montants"));
        ModificationConvention basse = new ModificationConvention(new MontantsAnnuels(20_000, 20_000, 20_000), null, null, "Baisse");
        assertThatThrownBy(() -> verifier(basse, List.of())).isInstanceOf(ErreursValidation.class).hasMessageContaining("75 000");
    }

    @Test
    void uneAnneeDejaVerseeOuOrdonnanceeNeChangePas() {
        ModificationConvention m = new ModificationConvention(new MontantsAnnuels(40_000, 50_000, 50_000), null, null, "Erreur");
        assertThatThrownBy(() -> verifier(m, List.of(emis(1), prevu(2), prevu(3)))).isInstanceOf(ErreurMetier.class)
                .isNotInstanceOf(ErreursValidation.class).hasMessageContaining("déjà émis")
                .satisfies(e -> assertThat(((ErreurMetier) e).champ()).isEqualTo("montants.annee1"));
        assertThatThrownBy(() -> verifier(m, List.of(ordonnance(1), prevu(2), prevu(3)))).isInstanceOf(ErreurMetier.class)
                .hasMessageContaining("ordonnancé");
    }

    @Test
    void uneHausseDoitTenirDansLEnveloppe() {
        Convention petite = new Convention(7, new MontantsAnnuels(25_000, 25_000, 25_000), 0, LE, LE, LE, "g", StatutConvention.SIGNEE);
        ModificationConvention hausse = new ModificationConvention(new MontantsAnnuels(50_000, 50_000, 50_000), null, null, "Hausse");
        Programme presquePlein = new Programme(300, Map.of(), Map.of(), 1_000_000, 960_000);
        assertThatThrownBy(() -> hausse.verifier(petite, List.of(), SIRET, PLAFONDS, presquePlein)).isInstanceOf(ErreurMetier.class)
                .hasMessageContaining("enveloppe");
        assertThat(hausse.verifier(petite, List.of(), SIRET, PLAFONDS, new Programme(300, Map.of(), Map.of(), 1_000_000, 900_000)))
                .isEqualTo(75_000);
        assertThat(presquePlein.ajusterEngagement(-75_000).engage()).isEqualTo(885_000);
        assertThatThrownBy(() -> presquePlein.ajusterEngagement(75_000)).hasMessageContaining("enveloppe");
    }

    @Test
    void unAvenantNeCreeNiNeSupprimeUnVersement() {
        ModificationConvention m = new ModificationConvention(new MontantsAnnuels(50_000, 50_000, 0), null, null, "Fin anticipée");
        assertThatThrownBy(() -> verifier(m, List.of())).isInstanceOf(ErreursValidation.class).hasMessageContaining("l'année 3");
    }

    @Test
    void leSiretEtLeCalendrierSontVerifies() {
        assertThatThrownBy(() -> verifier(new ModificationConvention(null, null, "12345678901234", "Fusion"), List.of()))
                .isInstanceOf(ErreursValidation.class).hasMessageContaining("Luhn");
        assertThatThrownBy(() -> verifier(new ModificationConvention(null, null, SIRET, "Fusion"), List.of()))
                .hasMessageContaining("déjà celui");
        assertThat(verifier(new ModificationConvention(null, null, "44235912700010", "Fusion"), List.of())).isZero();
        assertThatThrownBy(() -> verifier(new ModificationConvention(null, 0, null, "Report"), List.of())).hasMessageContaining("1 à 24");
        assertThat(verifier(new ModificationConvention(null, 6, null, "Travaux"), List.of())).isZero();
        assertThatThrownBy(() -> verifier(new ModificationConvention(null, null, null, " "), List.of()))
                .isInstanceOf(ErreursValidation.class)
                .satisfies(e -> assertThat(((ErreursValidation) e).violations()).extracting(Violation::champ).contains("motif", "modification"));
    }

    @Test
    void quatreYeuxEtEtats() {
        Avenant a = Avenant.propose(7, 1, new ModificationConvention(null, 3, null, "Travaux"), CONVENTION.montants(), SIRET, "gestionnaire", LE);
        assertThatThrownBy(() -> a.valide("gestionnaire", LE)).hasMessageContaining("quatre yeux");
        assertThatThrownBy(() -> a.rejete("gestionnaire", "non", LE)).hasMessageContaining("quatre yeux");
        Avenant valide = a.valide("gestionnaire2", LE);
        assertThat(valide.etat()).isEqualTo(EtatAvenant.A_SIGNER);
        assertThatThrownBy(() -> valide.signeParLEtat("gestionnaire", LE)).hasMessageContaining("signé par le porteur");
        Avenant signe = valide.signeParLePorteur("Camille Martin", "a".repeat(64), LE);
        assertThatThrownBy(() -> signe.applique(0, LE)).hasMessageContaining("pas signé pour l'État");
        assertThat(signe.signeParLEtat("gestionnaire", LE).applique(0, LE).etat()).isEqualTo(EtatAvenant.APPLIQUE);
        assertThat(a.reference("FDT-2026-0001")).isEqualTo("AVN-FDT-2026-0001-1");
    }
}
