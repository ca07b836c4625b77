package fr.gouv.fabriques.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.model.GsubData;
import org.apache.fontbox.ttf.model.ScriptFeature;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The one font of the documents, embedded (subset) in each PDF: Liberation Sans, which PDFBox's
 * own jar ships (SIL Open Font License 1.1, redistribution allowed; metrics of Arial/Helvetica).
 * Embedded, the document looks the same in every reader and for years, and it covers far more
 * than French (œ, €, « », É…): names typed by applicants (ł, ş, ő…) print as typed. A character
 * the font lacks is replaced (a thin space by a non-breaking one, a letter by its base letter,
 * else « ? ») rather than failing the generation.
 */
final class Police {

    /** Inside pdfbox-3.x.jar; checked by MiseEnPagePdfTest. */
    static final String RESSOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    /** Bold is drawn by stroking the outline (fill and stroke), this fraction of the size thick. */
    static final float EPAISSEUR_GRAS = 0.035f;

    private static final byte[] OCTETS = lire();
    /**
     * The glyph substitutions (GSUB) PDFBox applies to Latin text, in its own order
     * ({@code GsubWorkerForLatin}); the others of the font (subs, sups) are never applied.
     */
    static final List<String> SUBSTITUTIONS_LATINES = List.of("ccmp", "liga", "clig");
    /**
     * The characters some of those substitutions start from (in Liberation Sans: only the tone
     * letters U+02E5–U+02E9 of {@code ccmp}). A text without any of them comes out of the GSUB pass
     * unchanged, glyph for glyph.
     */
    private static final Set<Integer> CARACTERES_SUBSTITUABLES = substituables();
    private static final Map<Integer, String> EQUIVALENTS = Map.of(
            0x202F, "\u00a0", 0x2009, "\u00a0", 0x2007, "\u00a0", 0x2002, " ", 0x2003, " ",
            0x2011, "-", 0x2212, "-", 0x200B, "", 0xFEFF, "", 0x00AD, "");

    private final PDType0Font font;
    private final CmapLookup cmap;
    private final Map<Integer, String> nettoyes = new HashMap<>();

    private Police(PDType0Font font) {
        this.font = font;
        this.cmap = font.getCmapLookup();
    }

    /** The font, to be embedded (the glyphs used only) when the document is saved. */
    static Police integrer(PDDocument document) {
        return integrer(document, true);
    }

    /**
     * The font, with PDFBox's glyph substitutions or without them. Without, each {@code showText}
     * skips a GSUB pass that compiles a regular expression of every substitutable sequence: most of
     * the CPU of a convention (issue 13, doc/performance/cycle-de-vie.md). Pass {@code false} only
     * when {@link #substitutionsPossibles} says the text needs none: the bytes are then the same.
     */
    static Police integrer(PDDocument document, boolean substitutions) {
        try {
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(OCTETS));
            ttf.setEnableGsub(substitutions);
            // closeTTF: the document closes the font with itself, as PDType0Font.load(document, stream, true) does.
            document.registerTrueTypeFontForClosing(ttf);
            return new Police(PDType0Font.load(document, ttf, true));
        } catch (IOException e) {
            throw new UncheckedIOException("Police " + RESSOURCE + " illisible", e);
        }
    }

    /**
     * Whether drawing this text could change with the glyph substitutions: it holds a character one
     * of them starts from, or one the font lacks (its replacement is not known yet). Any superset of
     * the drawn text may be given.
     */
    static boolean substitutionsPossibles(CharSequence texte) {
        return texte.codePoints().anyMatch(cp -> CARACTERES_SUBSTITUABLES.contains(cp) || (cp > 0x7f && CMAP.getGlyphId(cp) <= 0));
    }

    PDType0Font font() {
        return font;
    }

    /** The text with every character the font can draw; control characters dropped, line breaks as spaces. */
    String nettoyer(String texte) {
        StringBuilder sb = new StringBuilder(texte.length());
        texte.codePoints().forEach(cp -> sb.append(nettoyes.computeIfAbsent(cp, this::equivalent)));
        return sb.toString();
    }

    private String equivalent(int cp) {
        if (cp == '\n' || cp == '\r' || cp == '\t') {
            return " ";
        }
        if (EQUIVALENTS.containsKey(cp)) {
            return EQUIVALENTS.get(cp);
        }
        if (Character.isISOControl(cp)) {
            return "";
        }
        if (cmap.getGlyphId(cp) > 0) {
            return new String(Character.toChars(cp));
        }
        // « ǅ » → « Dž », « ẞ » → … : the base letters, if the font has them.
        StringBuilder base = new StringBuilder();
        Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD).codePoints()
                .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK && cmap.getGlyphId(c) > 0)
                .forEach(base::appendCodePoint);
        return base.isEmpty() ? "?" : base.toString();
    }

    /** Width in points of a text already {@link #nettoyer cleaned}. */
    float largeur(String texte, float taille) {
        try {
            return font.getStringWidth(texte) / 1000f * taille;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final CmapLookup CMAP;

    static {
        try {
            CMAP = new TTFParser().parse(new RandomAccessReadBuffer(OCTETS)).getUnicodeCmapLookup();
        } catch (IOException e) {
            throw new UncheckedIOException("Police " + RESSOURCE + " illisible", e);
        }
    }

    private static Set<Integer> substituables() {
        try {
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(OCTETS));
            GsubData gsub = ttf.getGsubData();
            Set<Integer> glyphes = new HashSet<>();
            for (String nom : SUBSTITUTIONS_LATINES) {
                if (gsub.isFeatureSupported(nom)) {
                    ScriptFeature f = gsub.getFeature(nom);
                    f.getAllGlyphIdsForSubstitution().forEach(glyphes::addAll);
                }
            }
            CmapLookup cmap = ttf.getUnicodeCmapLookup();
            Set<Integer> caracteres = new HashSet<>();
            for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
                if (glyphes.contains(cmap.getGlyphId(cp))) {
                    caracteres.add(cp);
                }
            }
            return Set.copyOf(caracteres);
        } catch (IOException e) {
            throw new UncheckedIOException("Police " + RESSOURCE + " illisible", e);
        }
    }

    private static byte[] lire() {
        try (InputStream in = Police.class.getResourceAsStream(RESSOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Police introuvable dans le classpath : " + RESSOURCE
                        + " (fournie par org.apache.pdfbox:pdfbox 3.x ; vérifiez la version de PDFBox)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Lecture de la police " + RESSOURCE, e);
        }
    }
}
