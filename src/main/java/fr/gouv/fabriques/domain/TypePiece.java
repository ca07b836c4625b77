package fr.gouv.fabriques.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The file types accepted as attachments, recognised from their content (magic bytes),
 * never from the name or the declared Content-Type: a « .pdf » that is really a program
 * or a text file is refused.
 */
public enum TypePiece {
    PDF("application/pdf", "PDF", "pdf"),
    PNG("image/png", "PNG", "png"),
    JPEG("image/jpeg", "JPEG", "jpg", "jpeg"),
    ODT("application/vnd.oasis.opendocument.text", "ODT", "odt"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX", "docx");

    private static final byte[] SIGNATURE_PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SIGNATURE_PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] SIGNATURE_JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] SIGNATURE_ZIP = {'P', 'K', 3, 4};

    private final String mime;
    private final String libelle;
    private final List<String> extensions;

    TypePiece(String mime, String libelle, String... extensions) {
        this.mime = mime;
        this.libelle = libelle;
        this.extensions = List.of(extensions);
    }

    public String mime() {
        return mime;
    }

    public String libelle() {
        return libelle;
    }

    /** The usual extensions, the first one preferred. */
    public List<String> extensions() {
        return extensions;
    }

    public static Optional<TypePiece> parMime(String mime) {
        return Arrays.stream(values()).filter(t -> t.mime.equals(mime)).findFirst();
    }

    /** « PDF, PNG, JPEG, ODT ou DOCX ». */
    public static String listeLisible() {
        StringBuilder sb = new StringBuilder();
        TypePiece[] tous = values();
        for (int i = 0; i < tous.length; i++) {
            sb.append(i == 0 ? "" : i == tous.length - 1 ? " ou " : ", ").append(tous[i].libelle);
        }
        return sb.toString();
    }

    /** The type of this content, or empty if it is none of the accepted ones. */
    public static Optional<TypePiece> detecter(byte[] contenu) {
        if (commencePar(contenu, 0, SIGNATURE_PDF)) {
            return Optional.of(PDF);
        }
        if (commencePar(contenu, 0, SIGNATURE_PNG)) {
            return Optional.of(PNG);
        }
        if (commencePar(contenu, 0, SIGNATURE_JPEG)) {
            return Optional.of(JPEG);
        }
        if (commencePar(contenu, 0, SIGNATURE_ZIP)) {
            if (estOdt(contenu)) {
                return Optional.of(ODT);
            }
            List<String> noms = nomsDuRepertoireZip(contenu);
            if (noms.contains("[Content_Types].xml") && noms.contains("word/document.xml")) {
                return Optional.of(DOCX);
            }
        }
        return Optional.empty();
    }

    /**
     * ODF 1.2 §3.3: the first entry of the package is « mimetype », stored uncompressed,
     * whose content is the media type, exactly (an .ott template or a .odm master document
     * share the prefix but are not text documents).
     */
    private static boolean estOdt(byte[] z) {
        if (z.length < 30 || u16(z, 8) != 0) {
            return false;
        }
        int taille = (int) u32(z, 18);
        int longueurNom = u16(z, 26);
        int longueurExtra = u16(z, 28);
        int debut = 30 + longueurNom + longueurExtra;
        if (longueurNom != 8 || !commencePar(z, 30, "mimetype".getBytes(StandardCharsets.US_ASCII))
                || taille < 0 || debut + taille > z.length) {
            return false;
        }
        return new String(z, debut, taille, StandardCharsets.US_ASCII).equals(ODT.mime);
    }

    /**
     * The entry names of a ZIP archive, read from its central directory, without inflating
     * anything (a compressed bomb costs nothing here). Empty if the archive is malformed.
     */
    static List<String> nomsDuRepertoireZip(byte[] z) {
        // End of central directory: signature PK\5\6, within the last 22 + 65 535 bytes (comment).
        int fin = -1;
        for (int i = z.length - 22; i >= Math.max(0, z.length - 22 - 65_535); i--) {
            if (z[i] == 'P' && z[i + 1] == 'K' && z[i + 2] == 5 && z[i + 3] == 6) {
                fin = i;
                break;
            }
        }
        if (fin < 0) {
            return List.of();
        }
        int entrees = u16(z, fin + 10);
        long position = u32(z, fin + 16);
        List<String> noms = new ArrayList<>(Math.min(entrees, 1024));
        for (int n = 0; n < entrees; n++) {
            if (position < 0 || position + 46 > z.length) {
                return List.of();
            }
            int p = (int) position;
            if (!(z[p] == 'P' && z[p + 1] == 'K' && z[p + 2] == 1 && z[p + 3] == 2)) {
                return List.of();
            }
            int longueurNom = u16(z, p + 28);
            int longueurExtra = u16(z, p + 30);
            int longueurCommentaire = u16(z, p + 32);
            if (p + 46 + longueurNom > z.length) {
                return List.of();
            }
            noms.add(new String(z, p + 46, longueurNom, StandardCharsets.UTF_8));
            position = (long) p + 46 + longueurNom + longueurExtra + longueurCommentaire;
        }
        return noms;
    }

    private static boolean commencePar(byte[] contenu, int decalage, byte[] signature) {
        if (contenu.length < decalage + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (contenu[decalage + i] != signature[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int i) {
        return (b[i] & 0xFFL) | (b[i + 1] & 0xFFL) << 8 | (b[i + 2] & 0xFFL) << 16 | (b[i + 3] & 0xFFL) << 24;
    }
}
