package fr.gouv.fabriques.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small HTTP client for the integration tests: what a user's tool sends, nothing more. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    record Reponse(int statut, String corps, HttpResponse<String> brute) {
        JsonNode json() {
            try {
                return JSON.readTree(corps);
            } catch (IOException e) {
                throw new UncheckedIOException("pas du JSON : " + corps, e);
            }
        }

        String entete(String nom) {
            return brute.headers().firstValue(nom).orElse(null);
        }
    }

    Reponse envoyer(String methode, String chemin, String corps, String contentType, Map<String, String> entetes) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + chemin));
        entetes.forEach(b::header);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (entetes.keySet().stream().noneMatch("Accept"::equalsIgnoreCase)) {
            b.header("Accept", "application/json, application/problem+json");
        }
        b.method(methode, corps == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(corps, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reponse(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One file part of a multipart request: the name and Content-Type the client declares, and the bytes. */
    record Fichier(String nom, String contentType, byte[] octets) {

        /** A minimal PDF (recognised as such from its content), with some text to make each one different. */
        static Fichier pdf(String nom, String texte) {
            return new Fichier(nom, "application/pdf", ("%PDF-1.4\n% " + texte + "\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /** multipart/form-data: the files as parts named « fichier », then the text fields. */
    Reponse postMultipart(String chemin, List<Fichier> fichiers, Map<String, String> champs, Map<String, String> entetes) {
        return postMultipart(chemin, Map.of("fichier", fichiers), champs, entetes);
    }

    /** multipart/form-data with file parts of several names. */
    Reponse postMultipart(String chemin, Map<String, List<Fichier>> parties, Map<String, String> champs, Map<String, String> entetes) {
        String frontiere = "----fabriques" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream corps = new java.io.ByteArrayOutputStream();
        try {
            for (Map.Entry<String, List<Fichier>> partie : parties.entrySet()) {
                for (Fichier f : partie.getValue()) {
                    corps.write(("--" + frontiere + "\r\nContent-Disposition: form-data; name=\"" + partie.getKey() + "\"; filename=\"" + f.nom()
                            + "\"\r\nContent-Type: " + f.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                    corps.write(f.octets());
                    corps.write("\r\n".getBytes(StandardCharsets.UTF_8));
                }
            }
            for (Map.Entry<String, String> c : champs.entrySet()) {
                corps.write(("--" + frontiere + "\r\nContent-Disposition: form-data; name=\"" + c.getKey() + "\"\r\n\r\n" + c.getValue()
                        + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            corps.write(("--" + frontiere + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + chemin));
        entetes.forEach(b::header);
        b.header("Content-Type", "multipart/form-data; boundary=" + frontiere);
        b.header("Accept", "application/json, application/problem+json");
        b.POST(HttpRequest.BodyPublishers.ofByteArray(corps.toByteArray()));
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reponse(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record ReponseOctets(int statut, byte[] corps, HttpResponse<byte[]> brute) {
        String entete(String nom) {
            return brute.headers().firstValue(nom).orElse(null);
        }

        String texte() {
            return new String(corps, StandardCharsets.UTF_8);
        }
    }

    /** A download: the body as bytes, whatever its type. */
    ReponseOctets getOctets(String chemin, Map<String, String> entetes) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + chemin)).GET();
        entetes.forEach(b::header);
        try {
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new ReponseOctets(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reponse postJson(String chemin, Object corps, Map<String, String> entetes) {
        return envoyer("POST", chemin, texte(corps), "application/json", entetes);
    }

    Reponse putJson(String chemin, Object corps, Map<String, String> entetes) {
        return envoyer("PUT", chemin, texte(corps), "application/json", entetes);
    }

    Reponse get(String chemin, Map<String, String> entetes) {
        return envoyer("GET", chemin, null, null, entetes);
    }

    static Map<String, String> basic(String utilisateur) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString((utilisateur + ":demo").getBytes(StandardCharsets.UTF_8)));
    }

    static Map<String, String> bearer(String jeton) {
        return Map.of("Authorization", "Bearer " + jeton);
    }

    static String texte(Object corps) {
        if (corps == null || corps instanceof String) {
            return (String) corps;
        }
        try {
            return JSON.writeValueAsString(corps);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Camunda REST variables: {"nom": {"value": …}}. */
    static Map<String, Object> variables(Object... nomsValeurs) {
        Map<String, Object> vars = new LinkedHashMap<>();
        for (int i = 0; i < nomsValeurs.length; i += 2) {
            vars.put((String) nomsValeurs[i], Map.of("value", nomsValeurs[i + 1]));
        }
        return Map.of("variables", vars);
    }
}
