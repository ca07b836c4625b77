package fr.gouv.fabriques.process.identite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The official codes (INSEE, COG) of the French départements: one group of territorial
 * referents exists per département, because the referent task of a dossier is offered to
 * {@code referents-${departement}} only.
 *
 * <p>Corsica has 2A and 2B (no 20); the overseas départements are 971 to 974 and 976
 * (975 is Saint-Pierre-et-Miquelon, a collectivity, not a département).
 */
public final class Departements {

    /** 01..19, 2A, 2B, 21..95, 971, 972, 973, 974, 976 — 101 codes, in the official order. */
    public static final List<String> CODES = construire();

    private Departements() {
    }

    public static boolean existe(String code) {
        return CODES.contains(code);
    }

    private static List<String> construire() {
        List<String> codes = new ArrayList<>(101);
        for (int numero = 1; numero <= 95; numero++) {
            if (numero == 20) {
                codes.add("2A");
                codes.add("2B");
            } else {
                codes.add(String.format("%02d", numero));
            }
        }
        codes.addAll(List.of("971", "972", "973", "974", "976"));
        return Collections.unmodifiableList(codes);
    }
}
