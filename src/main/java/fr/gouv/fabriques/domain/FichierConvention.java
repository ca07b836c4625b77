package fr.gouv.fabriques.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/** A convention document with its bytes: the PDF the programme drew, or the one the laureate signed. */
public final class FichierConvention {

    /** The largest signed convention accepted (10 Mo). */
    public static final int TAILLE_MAX = 10 * 1024 * 1024;
    private static final byte[] ENTETE_PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final DocumentConvention description;
    private final byte[] contenu;

    public FichierConvention(DocumentConvention description, byte[] contenu) {
        this.description = Objects.requireNonNull(description);
        this.contenu = Objects.requireNonNull(contenu);
    }

    /** The convention as drawn from the committee's decision. */
    public static FichierConvention generee(long dossierId, byte[] pdf, String nom, Instant le) {
        if (!estPdf(pdf)) {
            throw new IllegalArgumentException("le document généré n'est pas un PDF");
        }
        return new FichierConvention(new DocumentConvention(dossierId, NatureDocumentConvention.GENEREE, sha256(pdf), pdf.length,
                nom, null, le), pdf);
    }

    /**
     * The convention the laureate sends back signed: a PDF (recognised by its content, never by
     * the name or type the client declares), 10 Mo at most, with the name and quality of the
     * person who signed for the structure. Every faulty input is named at once.
     */
    public static FichierConvention signeeParLePorteur(long dossierId, String signataire, String nomOriginal, byte[] contenu, Instant le) {
        List<Violation> violations = new ArrayList<>();
        String qui = signataire == null ? null : signataire.strip();
        if (qui == null || qui.length() < 3 || qui.length() > 200) {
            violations.add(new Violation("signataire", "nom et qualité du signataire pour la structure (3 à 200 caractères)"));
        }
        if (contenu == null || contenu.length == 0) {
            violations.add(new Violation("fichier", "joignez la convention signée, au format PDF (partie « fichier »)"));
        } else if (contenu.length > TAILLE_MAX) {
            throw new FichierTropVolumineux("fichier", "la convention signée fait " + enMo(contenu.length)
                    + " : 10 Mo au plus sont acceptés (numérisez-la en niveaux de gris ou à 150 dpi)");
        } else if (!estPdf(contenu)) {
            violations.add(new Violation("fichier", "le fichier n'est pas un PDF (son contenu doit commencer par « %PDF- ») : "
                    + "enregistrez ou numérisez la convention signée au format PDF"));
        }
        if (!violations.isEmpty()) {
            throw new ErreursValidation(violations);
        }
        return new FichierConvention(new DocumentConvention(dossierId, NatureDocumentConvention.SIGNEE_PORTEUR, sha256(contenu),
                contenu.length, nomSur(nomOriginal), qui, le), contenu);
    }

    public static boolean estPdf(byte[] contenu) {
        return contenu != null && contenu.length >= ENTETE_PDF.length
                && Arrays.equals(contenu, 0, ENTETE_PDF.length, ENTETE_PDF, 0, ENTETE_PDF.length);
    }

    /** SHA-256 of the bytes, lower-case hexadecimal (64 characters). */
    public static String sha256(byte[] contenu) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(contenu));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 indisponible", e);
        }
    }

    /** The client's file name, kept for the record only: no folder, no control character, 255 characters at most. */
    static String nomSur(String nom) {
        if (nom == null) {
            return "convention-signee.pdf";
        }
        String s = nom.substring(Math.max(nom.lastIndexOf('/'), nom.lastIndexOf('\\')) + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (s.isEmpty()) {
            return "convention-signee.pdf";
        }
        return s.length() > 255 ? s.substring(0, 255) : s;
    }

    private static String enMo(long octets) {
        return String.format(java.util.Locale.FRANCE, "%.1f Mo", octets / (1024.0 * 1024.0));
    }

    public DocumentConvention description() {
        return description;
    }

    /** The bytes, as stored (not copied: callers only read them). */
    public byte[] contenu() {
        return contenu;
    }
}
