package fr.gouv.fabriques.web;

import fr.gouv.fabriques.domain.FichierConvention;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A convention document sent as a download: always an attachment, never sniffed nor run by the
 * browser, and named by its SHA-256 twice — {@code ETag} (hex, so that a client holding it gets
 * a 304 on {@code If-None-Match}) and {@code Repr-Digest} (RFC 9530) — so that anyone can check
 * the bytes received are the ones stored and shown in the dossier.
 */
final class ReponseDocumentConvention {

    static final String REPR_DIGEST = "Repr-Digest";

    private ReponseDocumentConvention() {
    }

    static ResponseEntity<byte[]> pdf(FichierConvention fichier, String nomTelechargement) {
        String sha256 = fichier.description().sha256();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .contentLength(fichier.contenu().length)
                .eTag(sha256)
                .header(REPR_DIGEST, "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)) + ":")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(nomTelechargement).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                // Should a browser render it anyway: no script, no plug-in, no same-origin access.
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(fichier.contenu());
    }
}
