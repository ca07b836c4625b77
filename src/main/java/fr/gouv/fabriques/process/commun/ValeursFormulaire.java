package fr.gouv.fabriques.process.commun;

import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Reads what a Camunda Form (or a REST client) submitted when completing a task.
 * Tasklist validates in the browser only, so every value is re-read here with its
 * type, and every faulty field is reported by name, in French. Numbers arrive as
 * Integer, Long, Double or String depending on the client: all are accepted when
 * they hold a whole number.
 */
public final class ValeursFormulaire {

    private final DelegateTask tache;
    private final boolean locales;
    private final List<Violation> violations = new ArrayList<>();
    private final Set<String> lus = new LinkedHashSet<>();

    public ValeursFormulaire(DelegateTask tache) {
        this(tache, false);
    }

    /**
     * @param locales read the task's own variables and its execution's only: for a task whose
     *        create listener declared its form fields on both (submit-form writes on the task,
     *        complete on its execution), so that submitted values never reach the process.
     */
    public ValeursFormulaire(DelegateTask tache, boolean locales) {
        this.tache = tache;
        this.locales = locales;
    }

    private Object brut(String nom) {
        lus.add(nom);
        if (!locales) {
            return tache.getVariable(nom);
        }
        Object surLaTache = tache.getVariableLocal(nom);
        return surLaTache != null ? surLaTache : tache.getExecution().getVariableLocal(nom);
    }

    public String texte(String nom) {
        Object v = brut(nom);
        if (v == null) {
            return null;
        }
        String s = v.toString();
        return s.isBlank() ? null : s;
    }

    public String texteObligatoire(String nom, String attendu) {
        String s = texte(nom);
        if (s == null) {
            violations.add(new Violation(nom, "champ obligatoire : " + attendu));
        }
        return s;
    }

    public Boolean booleen(String nom) {
        Object v = brut(nom);
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if ("true".equalsIgnoreCase(v.toString()) || "false".equalsIgnoreCase(v.toString())) {
            return Boolean.valueOf(v.toString());
        }
        violations.add(new Violation(nom, "attendu : oui ou non (true / false) ; reçu : « " + v + " »"));
        return null;
    }

    public boolean booleenObligatoire(String nom, String attendu) {
        Boolean b = booleen(nom);
        if (b == null && violations.stream().noneMatch(x -> x.champ().equals(nom))) {
            violations.add(new Violation(nom, "champ obligatoire : " + attendu));
        }
        return Boolean.TRUE.equals(b);
    }

    public Integer entier(String nom) {
        Object v = brut(nom);
        if (v == null || v.toString().isBlank()) {
            return null;
        }
        try {
            BigDecimal d = v instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(v.toString().strip().replace(" ", ""));
            return d.intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            violations.add(new Violation(nom, "attendu : un nombre entier d'euros, sans centimes ; reçu : « " + v + " »"));
            return null;
        }
    }

    public Integer entierObligatoire(String nom, String attendu) {
        Integer i = entier(nom);
        if (i == null && violations.stream().noneMatch(x -> x.champ().equals(nom))) {
            violations.add(new Violation(nom, "champ obligatoire : " + attendu));
        }
        return i;
    }

    public <E extends Enum<E>> E enumeration(String nom, Class<E> type) {
        Object v = brut(nom);
        String permises = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        if (v == null || v.toString().isBlank()) {
            violations.add(new Violation(nom, "champ obligatoire ; valeurs permises : " + permises));
            return null;
        }
        try {
            return Enum.valueOf(type, v.toString());
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(nom, "valeur inconnue « " + v + " » ; valeurs permises : " + permises));
            return null;
        }
    }

    /** Throws the faulty fields, if any, before the use case runs. */
    public void verifier() {
        if (!violations.isEmpty()) {
            throw new ErreursValidation(violations);
        }
    }

    /**
     * Once the use case has recorded the values in the database, they leave the
     * process: variables carry ids and routing facts only.
     */
    public void retirerDuProcessus() {
        for (String nom : lus) {
            tache.getExecution().removeVariable(nom);
        }
    }
}
