package fr.gouv.fabriques.integration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Files over HTTP for the integration tests: a multipart upload as a browser or curl -F sends it, a download as bytes. */
final class Televersements {

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    Televersements(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    record Fichier(String partie, String nom, String type, byte[] octets) {
    }

    record Telechargement(int statut, byte[] corps, HttpResponse<byte[]> brute) {
        String entete(String nom) {
            return brute.headers().firstValue(nom).orElse(null);
        }

        String texte() {
            return new String(corps, StandardCharsets.UTF_8);
        }
    }

    /** multipart/form-data: the file part, then the text fields (UTF-8, no Content-Type, as browsers send them). */
    Http.Reponse multipart(String chemin, Fichier fichier, Map<String, String> champs, Map<String, String> entetes) {
        String frontiere = "fabriques-" + UUID.randomUUID();
        ByteArrayOutputStream corps = new ByteArrayOutputStream();
        try {
            if (fichier != null) {
                corps.write(("--" + frontiere + "\r\nContent-Disposition: form-data; name=\"" + fichier.partie() + "\"; filename=\""
                        + fichier.nom() + "\"\r\nContent-Type: " + fichier.type() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                corps.write(fichier.octets());
                corps.write("\r\n".getBytes(StandardCharsets.UTF_8));
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
        HttpResponse<String> r = envoyer(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Http.Reponse(r.statusCode(), r.body(), r);
    }

    Telechargement get(String chemin, Map<String, String> entetes) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + chemin)).GET();
        entetes.forEach(b::header);
        HttpResponse<byte[]> r = envoyer(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Telechargement(r.statusCode(), r.body(), r);
    }

    private <T> HttpResponse<T> envoyer(HttpRequest requete, HttpResponse.BodyHandler<T> corps) {
        try {
            return client.send(requete, corps);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A small one-page PDF, as a laureate's signed convention would be (its text varies, so does its hash). */
    static byte[] pdfSigne(String mention) {
        try (PDDocument d = new PDDocument(); ByteArrayOutputStream sortie = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            d.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(d, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 700);
                cs.showText(mention);
                cs.endText();
            }
            d.save(sortie);
            return sortie.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
