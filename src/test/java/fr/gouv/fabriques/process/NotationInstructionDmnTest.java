package fr.gouv.fabriques.process;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.fabriques.domain.Critere;
import fr.gouv.fabriques.domain.Notation;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** bpmn/notation-instruction.dmn as analysts deliver it: weights per category and recommendation thresholds. */
class NotationInstructionDmnTest {

    static DmnDecision poids;
    static DmnDecision recommandation;
    static DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    @BeforeAll
    static void charger() throws IOException {
        try (InputStream in = new FileInputStream("bpmn/notation-instruction.dmn")) {
            var decisions = dmn.parseDecisions(in);
            poids = decisions.stream().filter(d -> d.getKey().equals("Decision_PoidsCriteres")).findFirst().orElseThrow();
            recommandation = decisions.stream().filter(d -> d.getKey().equals("Decision_Recommandation")).findFirst().orElseThrow();
        }
    }

    static Map<Critere, Integer> poids(String categorie) {
        DmnDecisionRuleResult ligne = dmn.evaluateDecisionTable(poids, Variables.createVariables().putValue("categorie", categorie))
                .getSingleResult();
        Map<Critere, Integer> p = new EnumMap<>(Critere.class);
        for (Critere c : Critere.values()) {
            p.put(c, ((Number) ligne.get("poids" + c.champ().substring(4))).intValue());
        }
        return p;
    }

    @Test
    void chaqueCategorieAUnPoidsPourChaqueCritereEtLesNumeriquesValorisentLesServices() {
        for (String categorie : new String[] {"HORS_GRANDS_CENTRES", "QPV", "NUMERIQUE_QPV"}) {
            assertThat(poids(categorie)).hasSize(Critere.values().length).allSatisfy((c, p) -> assertThat(p).isPositive());
        }
        assertThat(poids("NUMERIQUE_QPV").get(Critere.OFFRE_SERVICES)).isGreaterThan(poids("QPV").get(Critere.OFFRE_SERVICES));
    }

    @ParameterizedTest
    @CsvSource({"100, FAVORABLE", "70, FAVORABLE", "69.9, RESERVE", "50, RESERVE", "49.9, DEFAVORABLE", "0, DEFAVORABLE"})
    void lesSeuilsDeRecommandation(double score, String attendu) {
        assertThat(dmn.evaluateDecisionTable(recommandation, Variables.createVariables().putValue("scoreTotal", score))
                .getSingleEntry().toString()).isEqualTo(attendu);
    }

    @Test
    void leScoreEstLaMoyennePondereeRameneeACent() {
        Map<Critere, Integer> notes = new EnumMap<>(Critere.class);
        for (Critere c : Critere.values()) {
            notes.put(c, 5);
        }
        assertThat(Notation.de(notes).score(poids("QPV"))).isEqualByComparingTo(new BigDecimal("100.0"));
        notes.put(Critere.OFFRE_SERVICES, 0);
        // Territoire: 14 points of weight, offre de services weighs 2 → (70 - 10) / 70.
        assertThat(Notation.de(notes).score(poids("QPV"))).isEqualByComparingTo(new BigDecimal("85.7"));
        // Numériques: 16 points of weight, offre de services weighs 4 → (80 - 20) / 80.
        assertThat(Notation.de(notes).score(poids("NUMERIQUE_QPV"))).isEqualByComparingTo(new BigDecimal("75.0"));
    }
}
