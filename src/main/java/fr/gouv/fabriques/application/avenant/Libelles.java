package fr.gouv.fabriques.application.avenant;

/** Timeline entries hold 500 characters. */
final class Libelles {

    private Libelles() {
    }

    static String borner(String texte) {
        return texte.length() <= 500 ? texte : texte.substring(0, 499) + "…";
    }
}
