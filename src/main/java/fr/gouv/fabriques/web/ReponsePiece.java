package fr.gouv.fabriques.web;

import fr.gouv.fabriques.application.port.PieceRepository;
import fr.gouv.fabriques.domain.Piece;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A piece sent back as a download: the type recognised at upload (never the one the client
 * declared), always as an attachment, never sniffed nor rendered by the browser, not cached.
 */
final class ReponsePiece {

    private ReponsePiece() {
    }

    static ResponseEntity<byte[]> telechargement(PieceRepository.Contenu contenu) {
        Piece p = contenu.piece();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(p.type().mime()))
                .contentLength(contenu.octets().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(p.nomTelechargement()))
                .header("X-Content-Type-Options", "nosniff")
                // Should a browser render it anyway: no script, no plug-in, no same-origin access.
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(contenu.octets());
    }

    /**
     * {@code attachment; filename="ascii"; filename*=UTF-8''percent-encoded} (RFC 6266): the
     * UTF-8 name for today's browsers, a plain ASCII one without quote, slash or control
     * character for the others.
     */
    static String contentDisposition(String nom) {
        String ascii = Normalizer.normalize(nom, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9._()\\- ]", "_");
        StringBuilder encode = new StringBuilder();
        for (byte b : nom.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                encode.append((char) c);
            } else {
                encode.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encode;
    }
}
