package fr.gouv.fabriques.integration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Files over HTTP for the integration tests: a multipart upload as a browser or curl -F sends it, a download as bytes. */
final class Televersements {

    private final Http http;

    Televersements(int port) {
        this.http = new Http(port);
    }

    /** A file part: its part name, its declared name and Content-Type, its bytes. */
    record Fichier(String partie, String nom, String type, byte[] octets) {
    }

    /** multipart/form-data: the file part (if any), then the text fields. */
    Http.Reponse multipart(String chemin, Fichier fichier, Map<String, String> champs, Map<String, String> entetes) {
        Map<String, List<Http.Fichier>> parties = fichier == null ? Map.of()
                : Map.of(fichier.partie(), List.of(new Http.Fichier(fichier.nom(), fichier.type(), fichier.octets())));
        return http.postMultipart(chemin, parties, champs, entetes);
    }

    Http.ReponseOctets get(String chemin, Map<String, String> entetes) {
        return http.getOctets(chemin, entetes);
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
