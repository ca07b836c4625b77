package fr.gouv.fabriques.application.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.fabriques.application.Delais;
import fr.gouv.fabriques.application.port.ConventionsSignees.ConventionSignee;
import fr.gouv.fabriques.domain.Categorie;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The file's lines against the schema's rules, and the rules themselves (they must catch a broken line). */
class PublierSubventionsTest {

    static final Delais DELAIS = new Delais("P15D", "P21D", "P60D", "P45D", "P1Y", "P30D", "P6M", "P30D", "P60D", "P10D");
    static final OpenDataProperties PROPRIETES = new OpenDataProperties("Agence nationale de la cohésion des territoires", "13002603200016",
            "", new BigDecimal("23000"));

    private static ConventionSignee convention(String numero, String projet, Categorie categorie, int m1, int m2, int m3, int supplement,
            int decalage, List<Integer> annees, int avenants) {
        return new ConventionSignee(numero, "Association « Le Val », tiers-lieu; \"coopératif\"\nà Nevers", "73282932000074", projet,
                categorie, "FDT-2036-AB12CD", Instant.parse("2036-03-14T23:30:00Z"), m1, m2, m3, supplement, decalage, annees, avenants);
    }

    private static String csv(List<ConventionSignee> conventions, OpenDataProperties proprietes) {
        StringWriter sortie = new StringWriter();
        new PublierSubventions(() -> conventions, proprietes, DELAIS).ecrire(sortie);
        return sortie.toString();
    }

    @Test
    void chaqueLigneSuitLeSchemaEtLesMontantsComptentLeSoutienNumerique() throws Exception {
        String csv = csv(List.of(
                convention("FDT-2036-0001", "La Fabrique du Val", Categorie.HORS_GRANDS_CENTRES, 50000, 40000, 30000, 0, 3, List.of(1, 2, 3), 1),
                convention("FNT-2036-0002", "x".repeat(200), Categorie.NUMERIQUE_QPV, 50000, 50000, 50000, 100000, 0, List.of(1, 2, 3), 0),
                convention("FDT-2036-0003", "Un seul versement", Categorie.QPV, 75000, 0, 0, 0, 0, List.of(1), 0)), PROPRIETES);

        assertThat(csv).startsWith(String.join(",", SchemaScdlSubventions.CHAMPS) + "\r\n");
        List<Map<String, String>> lignes = SchemaScdlSubventions.lire(csv);
        assertThat(lignes).hasSize(3);
        for (Map<String, String> l : lignes) {
            assertThat(SchemaScdlSubventions.violations(l)).as(l.toString()).isEmpty();
        }
        Map<String, String> amendee = lignes.get(0);
        // Signed at 00:30 Paris time on 15 March: the Paris day, not UTC's.
        assertThat(amendee.get("dateConvention")).isEqualTo("2036-03-15");
        assertThat(amendee.get("montant")).isEqualTo("120000.00");
        assertThat(amendee.get("conditionsVersement")).isEqualTo("échelonné");
        // Year 1 on the signature, year 3 two anniversaries later, moved 3 months by the amendments.
        assertThat(amendee.get("datesPeriodeVersement")).isEqualTo("2036-03-15/2038-06-15");
        assertThat(amendee.get("nomBeneficiaire")).isEqualTo("Association « Le Val », tiers-lieu; \"coopératif\" à Nevers");
        assertThat(amendee.get("referenceDecision")).isEqualTo("CONV-FDT-2036-0001");
        assertThat(amendee.get("objet")).contains("La Fabrique du Val").contains("1 avenant");
        assertThat(lignes.get(1).get("montant")).isEqualTo("250000.00");
        assertThat(lignes.get(1).get("objet")).hasSizeLessThan(256).contains("…").contains("soutien numérique");
        assertThat(lignes.get(2).get("conditionsVersement")).isEqualTo("unique");
        assertThat(lignes.get(2).get("datesPeriodeVersement")).isEqualTo("2036-03-15");
    }

    @Test
    void seulesLesSubventionsAuDessusDuSeuilSontPubliees() throws Exception {
        OpenDataProperties seuilHaut = new OpenDataProperties("ANCT", "13002603200016", "", new BigDecimal("120000"));
        String csv = csv(List.of(
                convention("FDT-2036-0001", "Égale au seuil", Categorie.QPV, 40000, 40000, 40000, 0, 0, List.of(1, 2, 3), 0),
                convention("FDT-2036-0002", "Au-dessus", Categorie.QPV, 50000, 40000, 40000, 0, 0, List.of(1, 2, 3), 0)), seuilHaut);
        assertThat(SchemaScdlSubventions.lire(csv)).extracting(l -> l.get("referenceDecision")).containsExactly("CONV-FDT-2036-0002");
    }

    @Test
    void lesReglesDuSchemaRefusentUneLigneFausse() {
        Map<String, String> valide = new HashMap<>();
        SchemaScdlSubventions.CHAMPS.forEach(c -> valide.put(c, ""));
        valide.putAll(Map.of("nomAttribuant", "ANCT", "idAttribuant", "13002603200016", "dateConvention", "2036-03-15",
                "nomBeneficiaire", "Le Val", "idBeneficiaire", "73282932000074", "objet", "Fabrique", "montant", "120000.00",
                "nature", "aide en numéraire", "conditionsVersement", "échelonné", "datesPeriodeVersement", "2036-03-15/2038-03-15"));
        valide.putAll(Map.of("notificationUE", "non", "pourcentageSubvention", "1.00"));
        assertThat(SchemaScdlSubventions.violations(valide)).isEmpty();

        Map<String, String> fausse = new HashMap<>(valide);
        fausse.putAll(Map.of("idAttribuant", "1300260320001", "dateConvention", "15/03/2036", "montant", "120 000,00",
                "nature", "subvention", "datesPeriodeVersement", "2036-03-15_2038-03-15", "notificationUE", "false",
                "pourcentageSubvention", "100", "rnaBeneficiaire", "W12345678", "objet", "o".repeat(256)));
        fausse.put("idBeneficiaire", "");
        fausse.put("nomBeneficiaire", "");
        assertThat(SchemaScdlSubventions.violations(fausse)).extracting(v -> v.substring(0, v.indexOf(' ')))
                .contains("idAttribuant", "dateConvention", "montant", "nature", "datesPeriodeVersement", "notificationUE",
                        "pourcentageSubvention", "rnaBeneficiaire", "objet", "nomBeneficiaire");
        Map<String, String> periodeInversee = new HashMap<>(valide);
        periodeInversee.put("datesPeriodeVersement", "2038-03-15/2036-02-30");
        assertThat(SchemaScdlSubventions.violations(periodeInversee)).hasSize(1);
        Map<String, String> sansIdentifiant = new HashMap<>(valide);
        sansIdentifiant.put("idBeneficiaire", "");
        assertThat(SchemaScdlSubventions.violations(sansIdentifiant)).containsExactly(
                "idBeneficiaire ou rnaBeneficiaire : l'un des deux est obligatoire");
    }
}
