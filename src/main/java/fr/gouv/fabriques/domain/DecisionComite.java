package fr.gouv.fabriques.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A committee's decision on one dossier. A laureate has its amounts per year within
 * the caps; a refusal has its motivation; an adjournment carries the dossier over.
 */
public record DecisionComite(long dossierId, String vague, TypeDecision decision, MontantsAnnuels montants,
        String motivation, String decidePar, Instant decideLe) {

    public static DecisionComite prendre(long dossierId, String vague, TypeDecision decision, MontantsAnnuels montants,
            String motivation, String decidePar, Instant decideLe, PlafondsFinancement plafonds) {
        List<Violation> violations = new ArrayList<>();
        if (decision == null) {
            violations.add(new Violation("decision", "la décision est obligatoire : LAUREAT, REFUSE ou AJOURNE"));
        } else if (decision == TypeDecision.LAUREAT) {
            if (montants == null) {
                violations.add(new Violation("montantsAccordes", "un lauréat doit avoir un montant accordé pour chacune des 3 années"));
            } else {
                violations.addAll(plafonds.violations(montants, annee -> "montantAccorde" + annee, "montantsAccordes"));
            }
        } else if (decision == TypeDecision.REFUSE && (motivation == null || motivation.isBlank())) {
            violations.add(new Violation("motivation", "un refus doit être motivé : la motivation est notifiée au porteur"));
        }
        if (!violations.isEmpty()) {
            throw new ErreursValidation(violations);
        }
        return new DecisionComite(dossierId, vague, decision, decision == TypeDecision.LAUREAT ? montants : null,
                motivation == null || motivation.isBlank() ? null : motivation.strip(), decidePar, decideLe);
    }
}
