package fr.gouv.fabriques.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The instructor's scores, one per criterion, 0 to 5. The total is the weighted
 * mean brought to 100 — the weights come from the analysts' DMN table, never typed.
 */
public record Notation(Map<Critere, Integer> notes) {

    public Notation {
        notes = Map.copyOf(notes);
    }

    /** Scores as typed; every criterion must have a score between 0 and 5. */
    public static Notation de(Map<Critere, Integer> notes) {
        List<Violation> violations = new ArrayList<>();
        for (Critere c : Critere.values()) {
            Integer n = notes.get(c);
            if (n == null) {
                violations.add(new Violation(c.champ(), "note obligatoire de 0 à 5 : « " + c.libelle() + " »"));
            } else if (n < 0 || n > Critere.NOTE_MAX) {
                violations.add(new Violation(c.champ(), "la note va de 0 à 5 (reçu : " + n + ") : « " + c.libelle() + " »"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ErreursValidation(violations);
        }
        return new Notation(new EnumMap<>(notes));
    }

    /** Weighted score out of 100, one decimal. */
    public BigDecimal score(Map<Critere, Integer> poids) {
        long sommePoids = 0;
        long somme = 0;
        for (Critere c : Critere.values()) {
            int p = poids.getOrDefault(c, 0);
            if (p < 0) {
                throw new IllegalArgumentException("Poids négatif pour " + c + " dans la grille de notation");
            }
            sommePoids += p;
            somme += (long) p * notes.get(c);
        }
        if (sommePoids == 0) {
            throw new IllegalArgumentException("La grille de notation n'attribue aucun poids : vérifiez la table DMN");
        }
        return BigDecimal.valueOf(somme * 100L).divide(BigDecimal.valueOf(sommePoids * Critere.NOTE_MAX), 1, RoundingMode.HALF_UP);
    }

    public int note(Critere c) {
        return notes.get(c);
    }
}
