package fr.gouv.fabriques.domain;

import java.util.Optional;

/**
 * A SIRET: 14 digits whose Luhn checksum holds, except for La Poste's
 * establishments (SIREN 356000000), whose digits must sum to a multiple of 5.
 */
public record Siret(String valeur) {

    private static final String SIREN_LA_POSTE = "356000000";

    public Siret {
        Optional<String> erreur = erreur(valeur);
        if (erreur.isPresent()) {
            throw new ErreursValidation("structure.siret", erreur.get());
        }
    }

    /** Why a text is not a valid SIRET, in French; empty if it is one. */
    public static Optional<String> erreur(String texte) {
        if (texte == null || texte.isBlank()) {
            return Optional.of("le SIRET est obligatoire (14 chiffres)");
        }
        if (!texte.matches("\\d{14}")) {
            return Optional.of("le SIRET doit compter exactement 14 chiffres, sans espace (reçu : « " + texte + " »)");
        }
        boolean valide = texte.startsWith(SIREN_LA_POSTE) ? sommeDesChiffres(texte) % 5 == 0 : luhn(texte);
        return valide ? Optional.empty()
                : Optional.of("le SIRET " + texte + " n'est pas valide : sa clé de contrôle (algorithme de Luhn) est fausse");
    }

    public String siren() {
        return valeur.substring(0, 9);
    }

    static boolean luhn(String chiffres) {
        int somme = 0;
        for (int i = 0; i < chiffres.length(); i++) {
            int c = chiffres.charAt(chiffres.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                c *= 2;
                if (c > 9) {
                    c -= 9;
                }
            }
            somme += c;
        }
        return somme % 10 == 0;
    }

    private static int sommeDesChiffres(String chiffres) {
        return chiffres.chars().map(c -> c - '0').sum();
    }

    @Override
    public String toString() {
        return valeur;
    }
}
