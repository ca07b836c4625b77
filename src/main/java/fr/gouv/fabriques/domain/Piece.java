package fr.gouv.fabriques.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An attachment of a dossier, as recorded (its content is kept apart): the name the
 * applicant gave, the type recognised from the content, the size in bytes and the
 * SHA-256 of the content (hex), which also tells two identical uploads apart.
 */
public record Piece(long id, long dossierId, String nom, TypePiece type, long taille, String sha256, CategoriePiece categorie,
        Instant deposeLe) {

    public Piece {
        Objects.requireNonNull(nom);
        Objects.requireNonNull(type);
        Objects.requireNonNull(sha256);
        Objects.requireNonNull(categorie);
    }

    /**
     * A file name safe to hand back to a browser: the applicant's name, with the extension
     * of the real type added when it does not already end with one (« devis.exe » stored as
     * a PDF is served as « devis.exe.pdf », so no system opens it as a program).
     */
    public String nomTelechargement() {
        String n = nom;
        int point = n.lastIndexOf('.');
        String extension = point < 0 ? "" : n.substring(point + 1).toLowerCase(java.util.Locale.ROOT);
        return type.extensions().contains(extension) ? n : n + "." + type.extensions().get(0);
    }

    /**
     * The name an applicant's file is recorded under: its last path segment (some browsers
     * send « C:\fakepath\statuts.pdf »), without control characters, 200 characters at most
     * (extension kept); « piece » if nothing is left.
     */
    public static String nomNettoye(String brut) {
        String n = brut == null ? "" : brut;
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        n = n.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (n.length() > 200) {
            int point = n.lastIndexOf('.');
            String extension = point > 0 && n.length() - point <= 10 ? n.substring(point) : "";
            n = n.substring(0, 200 - extension.length()) + extension;
        }
        return n.isEmpty() || n.equals(".") || n.equals("..") ? "piece" : n;
    }

    /** « 10,0 Mo (10 485 761 octets) »: exact, for a limit missed by a few bytes. */
    public static String tailleDetaillee(long octets) {
        String lisible = tailleLisible(octets);
        return octets < 1024 ? lisible : lisible + " (" + String.format(java.util.Locale.FRANCE, "%,d", octets).replace('\u202f', ' ')
                .replace('\u00a0', ' ') + " octets)";
    }

    /** « 1,2 Mo », « 35 Ko », « 812 octets ». */
    public static String tailleLisible(long octets) {
        if (octets < 1024) {
            return octets + " octets";
        }
        if (octets < 1024 * 1024) {
            return Math.round(octets / 1024.0) + " Ko";
        }
        return String.format(java.util.Locale.FRANCE, "%.1f Mo", octets / (1024.0 * 1024.0));
    }
}
