package fr.gouv.fabriques.process.commun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import fr.gouv.fabriques.domain.PlafondsFinancement;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/**
 * The eligibility table gives the same results, evaluation after evaluation, with the FEEL that parses
 * each text once as with the engine's own; a FEEL mistake fails the same way.
 */
class FeelAnalyseUneFoisPluginTest {

    private static DmnEngine moteur(boolean analysesGardees) {
        DefaultDmnEngineConfiguration c = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        if (analysesGardees) {
            c.setFeelEngineFactory(() -> new FeelAnalyseUneFoisPlugin.Feel(List.of()));
        }
        return c.buildEngine();
    }

    private static DmnDecision decision(DmnEngine moteur, String ressource, String cle) throws Exception {
        try (InputStream in = FeelAnalyseUneFoisPluginTest.class.getClassLoader().getResourceAsStream(ressource)) {
            return moteur.parseDecision(cle, Objects.requireNonNull(in, ressource));
        }
    }

    @Test
    void laTableDEligibiliteDonneLesMemesResultatsEnBoucle() throws Exception {
        DmnEngine nu = moteur(false);
        DmnEngine garde = moteur(true);
        DmnDecision dNu = decision(nu, "bpmn/eligibilite.dmn", "Decision_Eligibilite");
        DmnDecision dGarde = decision(garde, "bpmn/eligibilite.dmn", "Decision_Eligibilite");
        List<Map<String, Object>> cas = new ArrayList<>();
        for (Object montant : Arrays.asList(74_999, 140_000, 150_001, null)) {
            for (Object categorie : Arrays.asList("HORS_GRANDS_CENTRES", "QPV", "NUMERIQUE_QPV", "INCONNUE")) {
                for (Object qpv : Arrays.asList(true, false)) {
                    for (Object epci : Arrays.asList("CA", "METRO", null)) {
                        for (Object forme : Arrays.asList("ASSOCIATION", "SARL", null)) {
                            Map<String, Object> f = new HashMap<>(PlafondsFinancement.PROGRAMME_2019.variables());
                            f.put("appel", "FABRIQUES_TERRITOIRE");
                            f.put("categorie", categorie);
                            f.put("montantTotal", montant);
                            f.put("montantAnnuelMax", 50_000);
                            f.put("codeQpvRenseigne", qpv);
                            f.put("formeJuridique", forme);
                            f.put("typeEpci", epci);
                            cas.add(f);
                        }
                    }
                }
            }
        }
        int avecMotifs = 0;
        for (int tour = 0; tour < 2; tour++) {
            for (Map<String, Object> f : cas) {
                List<Map<String, Object>> attendu = nu.evaluateDecisionTable(dNu, f).getResultList();
                assertThat(garde.evaluateDecisionTable(dGarde, f).getResultList()).as(f.toString()).isEqualTo(attendu);
                avecMotifs += attendu.isEmpty() ? 0 : 1;
            }
        }
        assertThat(avecMotifs).as("des cas éligibles et d'autres non").isPositive().isLessThan(2 * cas.size());
    }

    @Test
    void uneErreurFeelEchoueCommeAvecLeMoteurDOrigine() throws Exception {
        String dmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="essai">
                  <decision id="Essai" name="Essai">
                    <decisionTable id="t" hitPolicy="COLLECT">
                      <input id="i"><inputExpression id="e" typeRef="integer"><text>n</text></inputExpression></input>
                      <output id="o" name="r" typeRef="string" />
                      <rule id="r1"><inputEntry id="ie1"><text>&gt; &gt; 3</text></inputEntry><outputEntry id="oe1"><text>"x"</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """;
        Throwable attendu = erreur(moteur(false), dmn);
        Throwable obtenu = erreur(moteur(true), dmn);
        assertThat(attendu).isNotNull();
        assertThat(obtenu).isNotNull().hasSameClassAs(attendu).hasMessage(attendu.getMessage());
        assertThat(erreur(moteur(true), dmn)).hasMessage(attendu.getMessage());
    }

    private static Throwable erreur(DmnEngine moteur, String dmn) {
        DmnDecision d = moteur.parseDecision("Essai", new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8)));
        return catchThrowable(() -> moteur.evaluateDecisionTable(d, Map.of("n", 5)));
    }

    @Test
    void lesFonctionsIntegreesPartageesDonnentLesMemesResultatsEtLesMemesEchecs() {
        // If the library changes its private evaluation, the plugin falls back to it: this test says so rather than a slower engine.
        assertThat(FeelAnalyseUneFoisPlugin.AnalysesGardees.fonctionsPartagees()).as("fonctions intégrées construites une fois").isTrue();
        ScalaFeelEngine origine = new ScalaFeelEngine(List.of());
        ScalaFeelEngine garde = new FeelAnalyseUneFoisPlugin.Feel(List.of());
        VariableContext variables = org.camunda.bpm.engine.variable.Variables.createVariables().putValue("nom", "Tiers-lieu du Val")
                .putValue("x", 42).putValue("liste", List.of(1, 2, 3)).putValue("vide", null).asVariableContext();
        List<String> expressions = List.of("string length(nom)", "upper case(nom) + \" \" + string(x)", "sum(liste) + x",
                "now() != null", "today() > date(\"2020-01-01\")", "contains(nom, \"Val\")", "count(liste[item > 1])",
                "if x > 40 then \"haut\" else \"bas\"", "assert(x, x > 100)", "assert(x, x > 100, \"x trop petit\")",
                "fonctionInconnue(1)", "date(\"pas une date\")", "x + \"a\"", "vide.champ", "inconnue", "> > 3");
        java.util.Set<Object> vus = new java.util.HashSet<>();
        for (int tour = 0; tour < 2; tour++) {
            for (String e : expressions) {
                Object attendu = resultatOuErreur(() -> origine.evaluateSimpleExpression(e, variables));
                vus.add(attendu);
                assertThat(resultatOuErreur(() -> garde.evaluateSimpleExpression(e, variables))).as(e).isEqualTo(attendu);
            }
            for (String test : List.of("> 40", "[1..50]", "not(42)", "string length(nom) > 3", "< date(\"2020-01-01\")", "> > 1")) {
                Object attendu = resultatOuErreur(() -> origine.evaluateSimpleUnaryTests(test, "x", variables));
                assertThat(resultatOuErreur(() -> garde.evaluateSimpleUnaryTests(test, "x", variables))).as(test).isEqualTo(attendu);
            }
        }
        // Values, and failures (assertion, unknown function, parse error) with their messages, not one answer for all.
        assertThat(vus).hasSizeGreaterThan(8).anySatisfy(v -> assertThat(v.toString()).contains("Exception").contains("x trop petit"));
    }

    /** The value, or the failure's class and message (what the DMN engine reports). */
    private static Object resultatOuErreur(java.util.concurrent.Callable<Object> evaluation) {
        try {
            return String.valueOf(evaluation.call());
        } catch (Exception e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
