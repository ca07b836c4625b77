package fr.gouv.fabriques.domain;

import java.util.Optional;

/** A SIREN: the company's 9 digits (the first 9 of each of its establishments' SIRET), Luhn checksum included. */
public record Siren(String valeur) {

    public Siren {
        Optional<String> erreur = erreur(valeur);
        if (erreur.isPresent()) {
            throw new ErreursValidation("siren", erreur.get());
        }
    }

    /** Why a text is not a valid SIREN, in French; empty if it is one. */
    public static Optional<String> erreur(String texte) {
        if (texte == null || texte.isBlank()) {
            return Optional.of("le SIREN est obligatoire (9 chiffres, les 9 premiers du SIRET)");
        }
        if (!texte.matches("\\d{9}")) {
            return Optional.of("le SIREN doit compter exactement 9 chiffres, sans espace (reçu : « " + texte + " »)");
        }
        return Siret.luhn(texte) ? Optional.empty()
                : Optional.of("le SIREN " + texte + " n'est pas valide : sa clé de contrôle (algorithme de Luhn) est fausse");
    }

    @Override
    public String toString() {
        return valeur;
    }
}
