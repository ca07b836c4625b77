package fr.gouv.fabriques.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

/** The layout engine alone: the template syntax, wrapping, page breaks, page numbers, the embedded font and its accents. */
class MiseEnPagePdfTest {

    private static final Set<String> VARIABLES = Set.of("nom", "montant");
    private static final Set<String> CONDITIONS = Set.of("numerique");
    private static final Map<String, String> VALEURS = Map.of("nom", "La Fabrique du Val", "montant", "50\u00a0000\u00a0€");

    private static byte[] rendre(String modele) {
        return rendre(modele, Set.of(), VALEURS);
    }

    private static byte[] rendre(String modele, Set<String> conditions, Map<String, String> valeurs) {
        ModeleDocument m = ModeleDocument.lire("essai.txt", modele, VARIABLES, CONDITIONS);
        return new MiseEnPagePdf().rendre(m.produire(conditions, valeurs),
                new MiseEnPagePdf.Metadonnees("Essai", "Sujet", "Auteur", Instant.parse("2026-03-03T13:05:00Z"), "essai"));
    }

    /** Text of each page, non-breaking spaces read as spaces. */
    private static List<String> pages(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            for (int i = 1; i <= d.getNumberOfPages(); i++) {
                s.setStartPage(i);
                s.setEndPage(i);
                pages.add(s.getText(d).replace('\u00a0', ' '));
            }
            return pages;
        }
    }

    /** Every glyph drawn, with its page. */
    private static List<Position> positions(byte[] pdf) throws IOException {
        List<Position> positions = new ArrayList<>();
        try (PDDocument d = Loader.loadPDF(pdf)) {
            PDFTextStripper s = new PDFTextStripper() {
                @Override
                protected void writeString(String texte, List<TextPosition> lettres) {
                    for (TextPosition l : lettres) {
                        positions.add(new Position(getCurrentPageNo(), l.getXDirAdj(), l.getWidthDirAdj(), l.getYDirAdj(), l.getUnicode()));
                    }
                }
            };
            s.writeText(d, new StringWriter());
        }
        return positions;
    }

    record Position(int page, float x, float largeur, float y, String texte) {
    }

    private static String mots(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            sb.append("mot").append(i).append(i % 7 == 0 ? "ément " : " ");
        }
        return sb.toString().strip();
    }

    @Test
    void lesAccentsLEuroLesGuillemetsEtLOeSeRelisentTelsQuelsAvecUnePoliceIncorporee() throws IOException {
        String texte = "Élan, œuvre et Œil : « guillemets » — 50 000 € ; À Ç É È Ê Ë Î Ï Ô Ù Û Ü Ÿ ; l’été… ; ł ş ő";
        byte[] pdf = rendre("# Titre accentué : Été\n\n" + texte + "\n\n- **Gras** : {montant}\n");
        String page = pages(pdf).get(0);
        assertThat(page).contains("Titre accentué : Été").contains(texte).contains("Gras : 50 000 €");
        try (PDDocument d = Loader.loadPDF(pdf)) {
            PDPage p = d.getPage(0);
            List<PDFont> polices = new ArrayList<>();
            for (COSName n : p.getResources().getFontNames()) {
                polices.add(p.getResources().getFont(n));
            }
            assertThat(polices).isNotEmpty().allSatisfy(f -> {
                assertThat(f.isEmbedded()).as(f.getName()).isTrue();
                assertThat(f.getName()).contains("LiberationSans");
            });
            assertThat(d.getDocumentInformation().getTitle()).isEqualTo("Essai");
            assertThat(d.getDocumentCatalog().getLanguage()).isEqualTo("fr-FR");
        }
    }

    @Test
    void unCaractereQueLaPoliceNeConnaitPasEstRemplaceSansEchec() throws IOException {
        String page = pages(rendre("Prix\u202f: 12\u202f000 € ; idéogramme 中 ; émoji 😀")).get(0);
        assertThat(page).contains("Prix : 12 000 €").contains("idéogramme ?").contains("émoji ?");
    }

    @Test
    void unLongParagrapheSeCoupeAuxEspacesEtResteDansLesMarges() throws IOException {
        String texte = mots(400);
        byte[] pdf = rendre(texte + " " + "x".repeat(300));
        List<Position> positions = positions(pdf);
        float droite = MiseEnPagePdf.FORMAT.getWidth() - MiseEnPagePdf.MARGE_DROITE;
        assertThat(positions).allSatisfy(p -> {
            assertThat(p.x()).isGreaterThanOrEqualTo(MiseEnPagePdf.MARGE_GAUCHE - 0.5f);
            assertThat(p.x() + p.largeur()).isLessThanOrEqualTo(droite + 0.5f);
        });
        long lignes = positions.stream().filter(p -> p.page() == 1).map(Position::y).distinct().count();
        assertThat(lignes).isGreaterThan(20);
        // Every word is there, in order, none cut (but the 300 x, wider than a line, which is sliced).
        String lu = String.join("", pages(pdf)).replaceAll("\\s+", " ").strip();
        assertThat(lu).startsWith(texte).contains("mot7ément mot8");
        assertThat(lu.substring(texte.length()).replace(" ", "")).isEqualTo("x".repeat(300));
        // Justified: the lines but the last end at the right margin.
        float finPremiereLigne = (float) positions.stream().filter(p -> p.page() == 1 && p.y() == positions.get(0).y())
                .mapToDouble(p -> p.x() + p.largeur()).max().orElseThrow();
        assertThat(finPremiereLigne).isCloseTo(droite, org.assertj.core.data.Offset.offset(1.0f));
    }

    @Test
    void lesPagesSeSuiventAvecEnTeteEtNumeroPageSurNombreDePages() throws IOException {
        StringBuilder modele = new StringBuilder("@en-tete Convention de {nom}\n@pied page {page} / {pages}\n# Titre\n\n");
        for (int i = 1; i <= 60; i++) {
            modele.append("## Article ").append(i).append("\n\n").append(mots(40)).append("\n\n");
        }
        List<String> pages = pages(rendre(modele.toString()));
        int n = pages.size();
        assertThat(n).isGreaterThan(3);
        for (int i = 0; i < n; i++) {
            assertThat(pages.get(i)).as("page " + (i + 1)).contains("Convention de La Fabrique du Val").contains("page " + (i + 1) + " / " + n);
        }
        // A title is never the last line of a page: text of its article follows it on the same page.
        for (String page : pages) {
            String[] lignes = page.strip().split("\\R");
            String avantDerniere = lignes[lignes.length - 2];
            assertThat(avantDerniere).as(page).doesNotStartWith("Article ");
        }
    }

    @Test
    void unSautDePageEtUnTableauQuiTientSurUnePageNeSontJamaisCoupes() throws IOException {
        List<String> deux = pages(rendre("Avant\n@saut-de-page\nAprès"));
        assertThat(deux).hasSize(2);
        assertThat(deux.get(1)).contains("Après").doesNotContain("Avant");

        String tableau = "| **Pour le porteur** | **Pour l'État** |\n| {nom} | Le ministre |\n| Nom et qualité : | Nom et qualité : |\n| | |\n";
        boolean aCheval = false;
        for (int remplissage = 30; remplissage <= 46; remplissage += 2) {
            StringBuilder modele = new StringBuilder();
            for (int i = 0; i < remplissage; i++) {
                modele.append("Ligne ").append(i).append("\n\n");
            }
            byte[] pdf = rendre(modele + tableau);
            List<Position> cellules = positions(pdf);
            int premiere = pageDe(cellules, "Pour le porteur");
            assertThat(pageDe(cellules, "Nom et qualité :")).as("remplissage " + remplissage).isEqualTo(premiere);
            aCheval |= premiere > 1;
        }
        assertThat(aCheval).as("au moins un cas pousse le tableau sur la page suivante").isTrue();
    }

    private static int pageDe(List<Position> positions, String texte) {
        StringBuilder tout = new StringBuilder();
        List<Integer> pages = new ArrayList<>();
        for (Position p : positions) {
            String lettres = p.texte().replace("\u00a0", "").replace(" ", "");
            tout.append(lettres);
            for (int i = 0; i < lettres.length(); i++) {
                pages.add(p.page());
            }
        }
        int i = tout.lastIndexOf(texte.replace(" ", ""));
        assertThat(i).as(texte).isNotNegative();
        return pages.get(i);
    }

    @Test
    void lesConditionsGardentOuRetirentDesLignesEtUneValeurNeChangeJamaisLaMiseEnForme() throws IOException {
        String modele = "Début.\n@si numerique\nSoutien complémentaire.\n@sinon\nSans soutien.\n@fin\n@si non numerique\nHors numérique.\n@fin\n"
                + "| {nom} | b |\n";
        String avec = pages(rendre(modele, Set.of("numerique"), Map.of("nom", "**Gras** | {montant}", "montant", "x"))).get(0);
        assertThat(avec).contains("Début. Soutien complémentaire.").doesNotContain("Sans soutien").doesNotContain("Hors numérique")
                .contains("**Gras** | {montant}");
        String sans = pages(rendre(modele, Set.of(), VALEURS)).get(0);
        assertThat(sans).contains("Début. Sans soutien. Hors numérique.").doesNotContain("Soutien complémentaire");
    }

    @Test
    void leMemeContenuDonneLesMemesOctets() {
        String modele = "@pied {page} / {pages}\n# Titre\n\nTexte de {nom} : **{montant}**.\n";
        assertThat(rendre(modele)).isEqualTo(rendre(modele));
    }

    @Test
    void sansLesSubstitutionsDeGlyphesInutilesLesOctetsSontLesMemes() {
        // Everything a convention draws: digits, accents, « », €, œ, bold, a table, header and footer.
        String modele = "@en-tete Convention n° 2034-0042 — {nom}\n@pied {page} / {pages}\n# Titre accentué : Été 2034\n\n"
                + ("Texte de {nom} : **{montant}**, « œuvre », 1 234,56 € ; l'État s'engage (article 3). ").repeat(40)
                + "\n\n- **Gras** : {montant}\n\n| Année | Montant |\n| 2034 | 75 000 € |\n| | |\n";
        ModeleDocument m = ModeleDocument.lire("essai.txt", modele, VARIABLES, CONDITIONS);
        ModeleDocument.Document document = m.produire(Set.of(), VALEURS);
        assertThat(Police.substitutionsPossibles(document.toString())).isFalse();
        MiseEnPagePdf.Metadonnees meta = new MiseEnPagePdf.Metadonnees("Essai", "Sujet", "Auteur", Instant.parse("2026-03-03T13:05:00Z"), "essai");
        assertThat(new MiseEnPagePdf(false).rendre(document, meta)).isEqualTo(new MiseEnPagePdf(true).rendre(document, meta));
    }

    @Test
    void lesSubstitutionsDeGlyphesRestentPourUnTexteQuiEnAuraitBesoin() {
        // Tone letters: the font's ccmp composes them. A character the font lacks: its replacement is not known yet.
        assertThat(Police.substitutionsPossibles("ton \u02E5\u02E9")).isTrue();
        assertThat(Police.substitutionsPossibles("idéogramme 中")).isTrue();
        assertThat(Police.substitutionsPossibles("Été 2034 : 75 000 € « œuvre »")).isFalse();
    }

    @Test
    void uneErreurDuModeleNommeLaLigneEtCeQuIlFautEcrire() {
        Map<String, String> erreurs = new HashMap<>();
        erreurs.put("Titre\n\nBonjour {inconnue}", "ligne 3 : variable inconnue {inconnue}");
        erreurs.put("Texte\n@si numerique\nA\n", "ligne 2 : « @si » sans « @fin »");
        erreurs.put("@si autre\nA\n@fin", "ligne 1 : condition inconnue « autre »");
        erreurs.put("@fin", "ligne 1 : « @fin » sans « @si » ouvert");
        erreurs.put("Un **gras non fermé", "ligne 1 : « ** » ouvert sans être refermé");
        erreurs.put("page {page}", "ligne 1 : {page} ne s'emploie que dans « @en-tete » et « @pied »");
        erreurs.put("| a | b |\n| c |", "ligne 2 : cette ligne de tableau a 1 cellules, la première en a 2");
        erreurs.put("@image logo.png", "ligne 1 : directive inconnue « @image »");
        erreurs.put("#### Trop profond", "ligne 1 : un titre s'écrit « # Titre »");
        erreurs.put("// commentaire\n\n@espace 99", "ligne 3 : « @espace n » : n de 1 à 20 lignes");
        erreurs.forEach((modele, message) -> assertThatThrownBy(() -> ModeleDocument.lire("essai.txt", modele, VARIABLES, CONDITIONS))
                .as(modele).isInstanceOf(ModeleDocument.ModeleInvalide.class).hasMessageStartingWith("Modèle essai.txt, ")
                .hasMessageContaining(message));
    }

    @Test
    void laPoliceVientDuJarDePdfBox() {
        assertThat(Police.class.getResource(Police.RESSOURCE)).as(Police.RESSOURCE).isNotNull();
    }
}
