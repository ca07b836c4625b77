package fr.gouv.fabriques.domain;

import java.util.List;

/** Several inputs are invalid; nothing was written. */
public class ErreursValidation extends ErreurMetier {

    private final List<Violation> violations;

    public ErreursValidation(List<Violation> violations) {
        super(violations.isEmpty() ? null : violations.get(0).champ(), resume(violations));
        this.violations = List.copyOf(violations);
    }

    public ErreursValidation(String champ, String message) {
        this(List.of(new Violation(champ, message)));
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String resume(List<Violation> violations) {
        StringBuilder sb = new StringBuilder();
        for (Violation v : violations) {
            if (!sb.isEmpty()) {
                sb.append(" ; ");
            }
            sb.append(v.champ()).append(" : ").append(v.message());
        }
        return sb.toString();
    }
}
