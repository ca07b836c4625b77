package fr.gouv.fabriques.application.fiche;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The agents' addresses a sheet links to, relative to the application (the Tasklist session opens them). */
final class Liens {

    private Liens() {
    }

    /** The sheet's printable page. */
    static String page(String numero) {
        return "/agents/dossiers/" + segment(numero);
    }

    static String piece(String numero, long id) {
        return api(numero) + "/pieces/" + id;
    }

    static String convention(String numero) {
        return api(numero) + "/convention";
    }

    static String conventionSignee(String numero) {
        return api(numero) + "/convention/signee";
    }

    static String avenant(String numero, int k) {
        return api(numero) + "/avenants/" + k;
    }

    private static String api(String numero) {
        return "/api/agents/dossiers/" + segment(numero);
    }

    private static String segment(String numero) {
        return URLEncoder.encode(numero, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
