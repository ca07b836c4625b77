package fr.gouv.fabriques.process.commun;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed access to the variables every dossier process carries. */
public final class DossierVariables {

    private DossierVariables() {
    }

    public static long dossierId(VariableScope scope) {
        Object v = scope.getVariable(Variables.DOSSIER_ID);
        if (!(v instanceof Number n)) {
            throw new IllegalStateException("Variable " + Variables.DOSSIER_ID + " absente ou non numérique : " + v);
        }
        return n.longValue();
    }

    public static int entier(VariableScope scope, String nom) {
        Object v = scope.getVariable(nom);
        if (!(v instanceof Number n)) {
            throw new IllegalStateException("Variable " + nom + " absente ou non numérique : " + v);
        }
        return n.intValue();
    }
}
