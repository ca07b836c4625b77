package fr.gouv.fabriques.process.commun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;

/** Which submitted values become transient (ADR 0025), and which are refused: what a Camunda Form sends, and nothing else. */
class ChampsDeclaresEphemeresTest {

    @Test
    void ceQuEnvoieUnFormulaireDevientEphemereSansChangerDeValeur() {
        assertEphemere(ChampsDeclaresPlugin.ephemere(Variables.stringValue("FAVORABLE")), ValueType.STRING, "FAVORABLE");
        assertEphemere(ChampsDeclaresPlugin.ephemere(Variables.longValue(50_000L)), ValueType.LONG, 50_000L);
        assertEphemere(ChampsDeclaresPlugin.ephemere(Variables.integerValue(4)), ValueType.INTEGER, 4);
        assertEphemere(ChampsDeclaresPlugin.ephemere(Variables.booleanValue(true)), ValueType.BOOLEAN, true);
        assertEphemere(ChampsDeclaresPlugin.ephemere(Variables.doubleValue(1.5)), ValueType.DOUBLE, 1.5);
        assertThat(ChampsDeclaresPlugin.ephemere(Variables.stringValue(null)).isTransient()).isTrue();
        assertThat(ChampsDeclaresPlugin.ephemere(null).isTransient()).isTrue();
        assertThat(ChampsDeclaresPlugin.ephemere("texte brut").getValue()).isEqualTo("texte brut");
        assertThat(ChampsDeclaresPlugin.ephemere(Variables.untypedValue(12)).getValue()).isEqualTo(12);
        TypedValue deja = Variables.stringValue("x", true);
        assertThat(ChampsDeclaresPlugin.ephemere(deja)).isSameAs(deja);
    }

    @Test
    void unObjetUnJsonUneListeOuDesOctetsNeSontPasDesValeursDeFormulaire() {
        assertThat(ChampsDeclaresPlugin.ephemere(SpinValues.jsonValue("{\"a\":1}").create())).isNull();
        assertThat(ChampsDeclaresPlugin.ephemere(Variables.objectValue(Map.of("a", 1)).create())).isNull();
        assertThat(ChampsDeclaresPlugin.ephemere(Variables.untypedValue(List.of(1, 2)))).isNull();
        assertThat(ChampsDeclaresPlugin.ephemere(Map.of("a", 1))).isNull();
        assertThat(ChampsDeclaresPlugin.ephemere(Variables.byteArrayValue(new byte[] {1}))).isNull();
    }

    private static void assertEphemere(TypedValue v, ValueType type, Object valeur) {
        assertThat(v.isTransient()).isTrue();
        assertThat(v.getType()).isEqualTo(type);
        assertThat(v.getValue()).isEqualTo(valeur);
    }
}
