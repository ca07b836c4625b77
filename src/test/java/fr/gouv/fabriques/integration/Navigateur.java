package fr.gouv.fabriques.integration;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a browser keeps between the webapps' requests: the session and CSRF cookies. Keeps the
 * cookies by hand: the application's cookies are Secure, which Java's cookie manager would not
 * send over plain HTTP, though browsers do to localhost.
 */
final class Navigateur {
    final HttpClient client = HttpClient.newHttpClient();
    final Map<String, String> cookies = new LinkedHashMap<>();
    String cheminJsessionid;

    HttpResponse<String> envoyer(HttpRequest.Builder requete) throws IOException, InterruptedException {
        if (!cookies.isEmpty()) {
            requete.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        HttpResponse<String> r = client.send(requete.build(), HttpResponse.BodyHandlers.ofString());
        List<String> poses = r.headers().allValues("Set-Cookie");
        for (String pose : poses) {
            String[] parties = pose.split(";");
            String[] nomValeur = parties[0].split("=", 2);
            cookies.put(nomValeur[0].strip(), nomValeur[1].strip());
            if (nomValeur[0].strip().equals("JSESSIONID")) {
                for (String p : parties) {
                    if (p.strip().toLowerCase().startsWith("path=")) {
                        cheminJsessionid = p.strip().substring(5);
                    }
                }
            }
        }
        return r;
    }

    /**
     * Logs in to Tasklist as the page does: the CSRF cookie from the page, the login form, then
     * one call to the webapp API, which hands out the CSRF token renewed with the session.
     * Returns the status of the login (200 when accepted).
     */
    int connecterTasklist(String base, String utilisateur, String motDePasse) throws IOException, InterruptedException {
        envoyer(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).GET());
        String formulaire = "username=" + URLEncoder.encode(utilisateur, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(motDePasse, StandardCharsets.UTF_8);
        HttpResponse<String> connexion = envoyer(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", ""))
                .POST(HttpRequest.BodyPublishers.ofString(formulaire)));
        envoyer(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default")).GET());
        return connexion.statusCode();
    }

    /** A JSON POST to the webapps' API, with the CSRF token the webapp expects in a header. */
    HttpResponse<String> postJson(String url, String corps) throws IOException, InterruptedException {
        return envoyer(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", ""))
                .POST(HttpRequest.BodyPublishers.ofString(corps, StandardCharsets.UTF_8)));
    }
}
