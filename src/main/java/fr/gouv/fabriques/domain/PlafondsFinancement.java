package fr.gouv.fabriques.domain;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The grant's bounds: a total between {@code plancherTotal} and {@code plafondTotal}
 * over three years, at most {@code plafondAnnuel} a year; numériques get
 * {@code supplementNumerique} on top, outside the yearly cap (« Le programme en bref » (README)).
 * The values come from configuration; the checks are written once, here.
 */
public record PlafondsFinancement(int plancherTotal, int plafondTotal, int plafondAnnuel, int supplementNumerique) {

    public static final PlafondsFinancement PROGRAMME_2019 = new PlafondsFinancement(75_000, 150_000, 50_000, 100_000);

    /** What is wrong with these yearly amounts, field by field (empty when they respect the caps). */
    public List<Violation> violations(MontantsAnnuels montants, String prefixeChamp) {
        return violations(montants, annee -> prefixeChamp + ".annee" + annee, prefixeChamp);
    }

    /** Same, naming the fields as a form does ({@code montantPropose1}…). */
    public List<Violation> violations(MontantsAnnuels montants, IntFunction<String> champAnnee, String champTotal) {
        List<Violation> violations = new ArrayList<>();
        List<Integer> annees = montants.parAnnee();
        for (int i = 0; i < annees.size(); i++) {
            int montant = annees.get(i);
            String champ = champAnnee.apply(i + 1);
            if (montant < 0) {
                violations.add(new Violation(champ, "le montant doit être positif ou nul (reçu : " + euros(montant) + ")"));
            } else if (montant > plafondAnnuel) {
                violations.add(new Violation(champ, "le montant annuel ne peut pas dépasser " + euros(plafondAnnuel)
                        + " (reçu : " + euros(montant) + ")"));
            }
        }
        int total = montants.total();
        if (total < plancherTotal || total > plafondTotal) {
            violations.add(new Violation(champTotal, "le total sur 3 ans doit être compris entre " + euros(plancherTotal)
                    + " et " + euros(plafondTotal) + " (reçu : " + euros(total) + ")"));
        }
        return violations;
    }

    public void verifier(MontantsAnnuels montants, String prefixeChamp) {
        List<Violation> violations = violations(montants, prefixeChamp);
        if (!violations.isEmpty()) {
            throw new ErreursValidation(violations);
        }
    }

    /** The first payment carries the numérique supplement; the yearly cap does not apply to it. */
    public int montantVerse(MontantsAnnuels accordes, int annee, Categorie categorie) {
        int montant = accordes.annee(annee);
        return annee == 1 && categorie.estNumerique() ? montant + supplementNumerique : montant;
    }

    /** What a laureate commits against the envelope: the three years plus the numérique supplement. */
    public long engagement(MontantsAnnuels accordes, Categorie categorie) {
        return (long) accordes.total() + (categorie.estNumerique() ? supplementNumerique : 0);
    }

    /**
     * The figures as the eligibility table (bpmn/eligibilite.dmn) and the forms (forms/*.form) read
     * them, by name: numbers for rules and limits ({@code plancherTotal}, {@code plafondTotal},
     * {@code plafondAnnuel}, {@code supplementNumerique}), French amounts for texts
     * ({@code plancherTotalEnEuros}…, « 50 000 € »). Neither writes a figure itself.
     */
    public Map<String, Object> variables() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("plancherTotal", plancherTotal);
        v.put("plafondTotal", plafondTotal);
        v.put("plafondAnnuel", plafondAnnuel);
        v.put("supplementNumerique", supplementNumerique);
        v.put("plancherTotalEnEuros", euros(plancherTotal));
        v.put("plafondTotalEnEuros", euros(plafondTotal));
        v.put("plafondAnnuelEnEuros", euros(plafondAnnuel));
        v.put("supplementNumeriqueEnEuros", euros(supplementNumerique));
        return v;
    }

    public static String euros(long montant) {
        return NumberFormat.getIntegerInstance(Locale.FRANCE).format(montant).replace('\u202f', ' ').replace('\u00a0', ' ') + " €";
    }
}
