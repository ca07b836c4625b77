package fr.gouv.fabriques.banc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The benchmark's HTTP client: what a user's tool sends (JSON, HTTP Basic for agents, the applicant's
 * bearer token), every call timed into {@link Chronos} under the operation's name.
 */
final class ClientBanc {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final Chronos chronos;

    ClientBanc(int port, Chronos chronos) {
        this.base = "http://127.0.0.1:" + port;
        this.chronos = chronos;
    }

    Chronos chronos() {
        return chronos;
    }

    record Reponse(int statut, String corps) {
        JsonNode json() {
            try {
                return JSON.readTree(corps);
            } catch (IOException e) {
                throw new UncheckedIOException("pas du JSON : " + corps, e);
            }
        }

        /** This response, or a failure naming the operation, when its status is not the expected one. */
        Reponse attendre(int attendu, String operation) {
            if (statut != attendu) {
                throw new IllegalStateException(operation + " : statut " + statut + " au lieu de " + attendu + " : " + corps);
            }
            return this;
        }
    }

    Reponse get(String operation, String chemin, String autorisation) {
        return envoyer(operation, "GET", chemin, null, autorisation);
    }

    /** A document (a PDF), as a browser downloads it. */
    Reponse telecharger(String operation, String chemin, String autorisation) {
        return envoyer(operation, "GET", chemin, null, autorisation, "application/pdf");
    }

    Reponse post(String operation, String chemin, Object corps, String autorisation) {
        return envoyer(operation, "POST", chemin, corps, autorisation);
    }

    /** A POST accepting HAL, as Tasklist sends its filter requests (the page, its count and the embedded resources). */
    Reponse postHal(String operation, String chemin, Object corps, String autorisation) {
        return envoyer(operation, "POST", chemin, corps, autorisation, "application/hal+json");
    }

    Reponse envoyer(String operation, String methode, String chemin, Object corps, String autorisation) {
        return envoyer(operation, methode, chemin, corps, autorisation, "application/json, application/problem+json");
    }

    private Reponse envoyer(String operation, String methode, String chemin, Object corps, String autorisation, String accepte) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + chemin)).timeout(Duration.ofMinutes(2))
                .header("Accept", accepte);
        if (autorisation != null) {
            b.header("Authorization", autorisation);
        }
        if (corps != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(methode, corps == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(texte(corps), StandardCharsets.UTF_8));
        long debut = System.nanoTime();
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (operation != null) {
                chronos.noter(operation, System.nanoTime() - debut);
            }
            return new Reponse(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** multipart/form-data: one PDF part named « fichier », then the text fields. */
    Reponse postPdf(String operation, String chemin, String nomFichier, byte[] pdf, Map<String, String> champs, String autorisation) {
        String frontiere = "----banc" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream corps = new java.io.ByteArrayOutputStream();
        corps.writeBytes(("--" + frontiere + "\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"" + nomFichier
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        corps.writeBytes(pdf);
        corps.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        champs.forEach((nom, valeur) -> corps.writeBytes(("--" + frontiere + "\r\nContent-Disposition: form-data; name=\"" + nom + "\"\r\n\r\n"
                + valeur + "\r\n").getBytes(StandardCharsets.UTF_8)));
        corps.writeBytes(("--" + frontiere + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest requete = HttpRequest.newBuilder(URI.create(base + chemin)).timeout(Duration.ofMinutes(2))
                .header("Accept", "application/json, application/problem+json").header("Authorization", autorisation)
                .header("Content-Type", "multipart/form-data; boundary=" + frontiere).POST(HttpRequest.BodyPublishers.ofByteArray(corps.toByteArray()))
                .build();
        long debut = System.nanoTime();
        try {
            HttpResponse<String> r = client.send(requete, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            chronos.noter(operation, System.nanoTime() - debut);
            return new Reponse(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String basic(String utilisateur) {
        return "Basic " + Base64.getEncoder().encodeToString((utilisateur + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    static String bearer(String jeton) {
        return "Bearer " + jeton;
    }

    static String texte(Object corps) {
        if (corps instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(corps);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Camunda REST variables: {"variables": {"nom": {"value": …}}}. */
    static Map<String, Object> variables(Object... nomsValeurs) {
        Map<String, Object> vars = new LinkedHashMap<>();
        for (int i = 0; i < nomsValeurs.length; i += 2) {
            vars.put((String) nomsValeurs[i], Map.of("value", nomsValeurs[i + 1]));
        }
        return Map.of("variables", vars);
    }
}
