package fr.gouv.fabriques.domain;

import java.util.List;

/** Amounts per year of the three-year grant, in whole euros. */
public record MontantsAnnuels(int annee1, int annee2, int annee3) {

    public static final int NOMBRE_ANNEES = 3;

    public int total() {
        return annee1 + annee2 + annee3;
    }

    public int annee(int annee) {
        return switch (annee) {
            case 1 -> annee1;
            case 2 -> annee2;
            case 3 -> annee3;
            default -> throw new IllegalArgumentException("année hors convention : " + annee);
        };
    }

    public List<Integer> parAnnee() {
        return List.of(annee1, annee2, annee3);
    }
}
