package fr.gouv.fabriques.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.fabriques.domain.Commune;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The committed resource src/main/resources/referentiel/communes.tsv.gz, as the application loads it. */
class ReferentielGeographiqueFichierTest {

    private static final ReferentielGeographiqueFichier REFERENTIEL = ReferentielGeographiqueFichier.depuisClasspath();

    private static Commune commune(String code) {
        return REFERENTIEL.commune(code).orElseThrow(() -> new AssertionError("commune " + code + " absente"));
    }

    @Test
    void toutesLesCommunesDesCentUnDepartementsEtLesQuaranteCinqArrondissements() {
        // About 34 900 communes (COG 2026); a few merge every year, hence a range.
        assertThat(REFERENTIEL.nombreCommunes()).isBetween(34_500, 35_500);
        assertThat(REFERENTIEL.communes().count()).isEqualTo(REFERENTIEL.nombreCommunes());
        assertThat(REFERENTIEL.nombreArrondissements()).isEqualTo(20 + 9 + 16);
        Set<String> departements = REFERENTIEL.communes().map(Commune::departement).collect(Collectors.toCollection(TreeSet::new));
        assertThat(departements).hasSize(96 + 5).contains("01", "2A", "2B", "95", "971", "972", "973", "974", "976")
                .doesNotContain("20", "975", "977", "978", "987", "988");
        Set<String> regions = REFERENTIEL.communes().map(Commune::region).collect(Collectors.toCollection(TreeSet::new));
        assertThat(regions).containsExactly("01", "02", "03", "04", "06", "11", "24", "27", "28", "32", "44", "52", "53", "75", "76",
                "84", "93", "94");
        assertThat(REFERENTIEL.communes()).allSatisfy(c -> assertThat(c.codesPostaux()).as(c.code()).isNotEmpty());
    }

    @Test
    void nevers() {
        assertThat(commune("58194")).isEqualTo(new Commune("58194", "Nevers", "58", "27", java.util.List.of("58000"), "CA"));
    }

    @Test
    void arrondissementsMunicipauxRattachesASaCommuneAvecLeursPropresCodesPostaux() {
        Commune paris15 = commune("75115");
        assertThat(paris15.code()).isEqualTo("75056");
        assertThat(paris15.nom()).isEqualTo("Paris");
        assertThat(paris15.departement()).isEqualTo("75");
        assertThat(paris15.region()).isEqualTo("11");
        assertThat(paris15.codesPostaux()).containsExactly("75015");
        assertThat(paris15.typeEpci()).isEqualTo("METRO");
        assertThat(commune("75116").codesPostaux()).containsExactly("75016", "75116");
        assertThat(commune("75056").codesPostaux()).hasSize(21).contains("75001", "75015", "75116", "75020");

        for (Map.Entry<String, String> plage : Map.of("751", "75056", "693", "69123", "132", "13055").entrySet()) {
            int premier = plage.getKey().equals("693") ? 81 : 1;
            int dernier = switch (plage.getKey()) {
                case "751" -> 20;
                case "693" -> 89;
                default -> 16;
            };
            for (int i = premier; i <= dernier; i++) {
                String code = plage.getKey() + String.format("%02d", i);
                assertThat(commune(code).code()).as(code).isEqualTo(plage.getValue());
            }
        }
        assertThat(commune("69383")).satisfies(c -> {
            assertThat(c.nom()).isEqualTo("Lyon");
            assertThat(c.codesPostaux()).containsExactly("69003");
            assertThat(c.typeEpci()).isEqualTo("MET69");
        });
        assertThat(commune("13201").nom()).isEqualTo("Marseille");
        assertThat(commune("13201").typeEpci()).isEqualTo("METRO");
        assertThat(REFERENTIEL.commune("75121")).isEmpty();
    }

    @Test
    void corseDeuxDepartementsEtRegion94() {
        Commune ajaccio = commune("2A004");
        assertThat(ajaccio.nom()).isEqualTo("Ajaccio");
        assertThat(ajaccio.departement()).isEqualTo("2A");
        assertThat(ajaccio.region()).isEqualTo("94");
        Commune bastia = commune("2B033");
        assertThat(bastia.nom()).isEqualTo("Bastia");
        assertThat(bastia.departement()).isEqualTo("2B");
        assertThat(bastia.region()).isEqualTo("94");
        assertThat(REFERENTIEL.commune("20004")).as("ancien code d'avant 1976").isEmpty();
    }

    @Test
    void departementsEtRegionsDOutreMer() {
        Map<String, String[]> attendus = Map.of(
                "97105", new String[] {"Basse-Terre", "971", "01"},
                "97209", new String[] {"Fort-de-France", "972", "02"},
                "97302", new String[] {"Cayenne", "973", "03"},
                "97411", new String[] {"Saint-Denis", "974", "04"},
                "97611", new String[] {"Mamoudzou", "976", "06"});
        attendus.forEach((code, attendu) -> {
            Commune c = commune(code);
            assertThat(c.nom()).isEqualTo(attendu[0]);
            assertThat(c.departement()).isEqualTo(attendu[1]);
            assertThat(c.region()).isEqualTo(attendu[2]);
            assertThat(c.codesPostaux()).allMatch(cp -> cp.startsWith(attendu[1].substring(0, 3)));
        });
        assertThat(REFERENTIEL.commune("97502")).as("Saint-Pierre-et-Miquelon, collectivité d'outre-mer").isEmpty();
        assertThat(REFERENTIEL.commune("98735")).as("Polynésie française").isEmpty();
    }

    @Test
    void communeAPlusieursCodesPostaux() {
        assertThat(commune("2A004").codesPostaux()).containsExactly("20000", "20090", "20167");
        assertThat(commune("13001").codesPostaux()).containsExactly("13080", "13090", "13100", "13290", "13540");
        assertThat(commune("13001").aLeCodePostal("13090")).isTrue();
        assertThat(commune("13001").aLeCodePostal("13000")).isFalse();
    }

    @Test
    void typeDEpciEtCommunesHorsEpci() {
        assertThat(commune("69123").typeEpci()).isEqualTo("MET69");
        assertThat(commune("33063").typeEpci()).as("Bordeaux").isEqualTo("METRO");
        assertThat(commune("58194").typeEpci()).as("Nevers").isEqualTo("CA");
        assertThat(commune("29083").typeEpci()).as("Île-de-Sein, hors EPCI").isNull();
        assertThat(REFERENTIEL.communes().map(Commune::typeEpci).filter(java.util.Objects::nonNull).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("CC", "CA", "CU", "METRO", "MET69");
    }

    @Test
    void ancienneCommuneOrienteVersLaCommuneActuelle() {
        // Béon (01039) is a commune déléguée of Culoz-Béon (01138) since 2019.
        assertThat(REFERENTIEL.commune("01039")).isEmpty();
        assertThat(REFERENTIEL.communeActuelleDe("01039")).map(Commune::code).contains("01138");
        assertThat(REFERENTIEL.communeActuelleDe("58194")).isEmpty();
        assertThat(REFERENTIEL.commune(null)).isEmpty();
        assertThat(REFERENTIEL.commune("99999")).isEmpty();
    }
}
