package fr.gouv.fabriques.journal;

import java.util.regex.Pattern;

/**
 * Personal data out of the application's log: an e-mail address keeps its first letter
 * and its domain (« c***@fabrique-du-val.fr »), enough to follow a delivery problem with
 * the mail server, not enough to read who applied.
 */
public final class Masquage {

    private static final Pattern ADRESSE = Pattern.compile("([A-Za-z0-9])[A-Za-z0-9._%+'-]*@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");

    private Masquage() {
    }

    public static String adresses(String texte) {
        if (texte == null || texte.indexOf('@') < 0) {
            return texte;
        }
        return ADRESSE.matcher(texte).replaceAll("$1***@$2");
    }
}
