package fr.gouv.fabriques.document;

import fr.gouv.fabriques.document.ModeleDocument.Bloc;
import fr.gouv.fabriques.document.ModeleDocument.Document;
import fr.gouv.fabriques.document.ModeleDocument.ElementListe;
import fr.gouv.fabriques.document.ModeleDocument.Espace;
import fr.gouv.fabriques.document.ModeleDocument.Fragment;
import fr.gouv.fabriques.document.ModeleDocument.Paragraphe;
import fr.gouv.fabriques.document.ModeleDocument.SautDePage;
import fr.gouv.fabriques.document.ModeleDocument.Tableau;
import fr.gouv.fabriques.document.ModeleDocument.Titre;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * The small layout engine of the documents: A4 pages, a header and a « page n / N » footer on
 * each, titles kept with what follows, justified paragraphs wrapped at word boundaries (a word
 * wider than the line is cut), bulleted lists, tables whose rows never split and which move
 * whole to the next page when they fit on one. Two passes: the blocks are laid out first, so
 * that N is known when the pages are drawn.
 */
final class MiseEnPagePdf {

    /** Title, subject, author and creation date of the PDF; {@code identifiant} fixes its /ID (same input, same bytes). */
    record Metadonnees(String titre, String sujet, String auteur, Instant creeLe, String identifiant) {
    }

    static final PDRectangle FORMAT = PDRectangle.A4;
    static final float MARGE_GAUCHE = 64;
    static final float MARGE_DROITE = 64;
    static final float MARGE_HAUT = 80;
    static final float MARGE_BAS = 68;
    static final float LARGEUR = FORMAT.getWidth() - MARGE_GAUCHE - MARGE_DROITE;
    private static final float HAUT = FORMAT.getHeight() - MARGE_HAUT;
    private static final float HAUTEUR_UTILE = HAUT - MARGE_BAS;

    private record Style(float taille, float interligne) {
    }

    private static final Style CORPS = new Style(10.5f, 14.5f);
    private static final Style MARGES = new Style(8f, 10f);
    private static final Style[] TITRES = {new Style(17f, 22f), new Style(12.5f, 17f), new Style(11f, 15f)};
    private static final float RETRAIT_LISTE = 18;
    private static final float MARGE_CELLULE = 5;
    private static final int LIGNES_SIGNATURE = 5;
    private static final float GRIS_MARGES = 0.35f;
    private static final char ESPACE_INSECABLE = '\u00a0';

    private enum Alignement { GAUCHE, CENTRE, JUSTIFIE }

    private sealed interface Trace permits Texte, Trait {
    }

    private record Texte(float x, float y, float taille, boolean gras, String texte, float gris) implements Trace {
    }

    private record Trait(float x1, float y1, float x2, float y2, float epaisseur) implements Trace {
    }

    /** A word: what lies between two breakable spaces, possibly in several styles (« **50 000 €**, »). */
    private record Mot(List<Fragment> morceaux, float largeur) {
    }

    private final boolean substitutionsToujours;

    MiseEnPagePdf() {
        this(false);
    }

    /** {@code substitutionsToujours}: PDFBox's glyph substitutions even where they change nothing (tests compare the bytes). */
    MiseEnPagePdf(boolean substitutionsToujours) {
        this.substitutionsToujours = substitutionsToujours;
    }

    byte[] rendre(Document document, Metadonnees meta) {
        try (PDDocument pdf = new PDDocument()) {
            // The record's text holds every character drawn (blocks, header, footer, values): a superset.
            Police police = Police.integrer(pdf, substitutionsToujours || Police.substitutionsPossibles(document.toString()));
            Composition composition = new Composition(police);
            document.blocs().forEach(composition::placer);
            List<List<Trace>> pages = composition.pages;
            for (int i = 0; i < pages.size(); i++) {
                PDPage page = new PDPage(FORMAT);
                pdf.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(pdf, page)) {
                    for (Trace t : pages.get(i)) {
                        dessiner(cs, police, t);
                    }
                    for (Trace t : composition.marges(document, i + 1, pages.size())) {
                        dessiner(cs, police, t);
                    }
                }
            }
            decrire(pdf, meta);
            ByteArrayOutputStream sortie = new ByteArrayOutputStream();
            pdf.save(sortie);
            return sortie.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Mise en page PDF : " + e.getMessage(), e);
        }
    }

    private static void decrire(PDDocument pdf, Metadonnees meta) {
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setTitle(meta.titre());
        info.setSubject(meta.sujet());
        info.setAuthor(meta.auteur());
        info.setCreator("Fabriques");
        info.setProducer("Fabriques (Apache PDFBox)");
        Calendar le = new GregorianCalendar(TimeZone.getTimeZone("Europe/Paris"));
        le.setTimeInMillis(meta.creeLe().toEpochMilli());
        info.setCreationDate(le);
        pdf.getDocumentCatalog().setLanguage("fr-FR");
        // PDFBox would draw the file identifier from the clock: derive it from the document instead.
        byte[] id = Arrays.copyOf(sha256(meta.identifiant()), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static void dessiner(PDPageContentStream cs, Police police, Trace trace) throws IOException {
        if (trace instanceof Trait t) {
            cs.setStrokingColor(Color.GRAY);
            cs.setLineWidth(t.epaisseur());
            cs.moveTo(t.x1(), t.y1());
            cs.lineTo(t.x2(), t.y2());
            cs.stroke();
        } else if (trace instanceof Texte t && !t.texte().isEmpty()) {
            Color couleur = new Color(t.gris(), t.gris(), t.gris());
            cs.setNonStrokingColor(couleur);
            cs.setStrokingColor(couleur);
            cs.setLineWidth(t.taille() * Police.EPAISSEUR_GRAS);
            cs.beginText();
            cs.setFont(police.font(), t.taille());
            cs.setRenderingMode(t.gras() ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
            cs.setCharacterSpacing(t.gras() ? espacementGras(t.taille()) : 0);
            cs.newLineAtOffset(t.x(), t.y());
            cs.showText(t.texte());
            cs.endText();
        }
    }

    private static float espacementGras(float taille) {
        return taille * Police.EPAISSEUR_GRAS * 0.8f;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first pass: blocks to positioned text and lines, page after page. */
    private static final class Composition {

        private final Police police;
        private final List<List<Trace>> pages = new ArrayList<>();
        private List<Trace> page;
        private float y;

        Composition(Police police) {
            this.police = police;
            nouvellePage();
        }

        private void nouvellePage() {
            page = new ArrayList<>();
            pages.add(page);
            y = HAUT;
        }

        private float restant() {
            return y - MARGE_BAS;
        }

        void placer(Bloc bloc) {
            if (bloc instanceof Titre t) {
                titre(t);
            } else if (bloc instanceof Paragraphe p) {
                texte(p.texte(), MARGE_GAUCHE, LARGEUR, Alignement.JUSTIFIE, 5, null);
            } else if (bloc instanceof ElementListe e) {
                texte(e.texte(), MARGE_GAUCHE + RETRAIT_LISTE, LARGEUR - RETRAIT_LISTE, Alignement.JUSTIFIE, 3, "•");
            } else if (bloc instanceof Tableau t) {
                tableau(t);
            } else if (bloc instanceof Espace e) {
                y -= e.lignes() * CORPS.interligne();
                if (restant() < 0) {
                    nouvellePage();
                }
            } else if (bloc instanceof SautDePage && !page.isEmpty()) {
                nouvellePage();
            }
        }

        private void titre(Titre t) {
            Style s = TITRES[t.niveau() - 1];
            float avant = t.niveau() == 1 ? 2 : t.niveau() == 2 ? 11 : 7;
            float apres = t.niveau() == 1 ? 9 : 3;
            List<List<Mot>> lignes = couper(mots(t.texte(), s.taille(), true), LARGEUR, s.taille());
            // A title is never left alone at the bottom of a page: room for it and three lines of what follows.
            float besoin = avant + lignes.size() * s.interligne() + apres + 3 * CORPS.interligne();
            if (!page.isEmpty() && restant() < besoin) {
                nouvellePage();
            } else if (!page.isEmpty()) {
                y -= avant;
            }
            for (int i = 0; i < lignes.size(); i++) {
                ligne(lignes.get(i), MARGE_GAUCHE, LARGEUR, s, t.niveau() == 1 ? Alignement.CENTRE : Alignement.GAUCHE, true);
                y -= s.interligne();
            }
            y -= apres;
        }

        private void texte(List<Fragment> fragments, float x, float largeur, Alignement alignement, float apres, String puce) {
            List<List<Mot>> lignes = couper(mots(fragments, CORPS.taille(), false), largeur, CORPS.taille());
            for (int i = 0; i < lignes.size(); i++) {
                if (restant() < CORPS.interligne()) {
                    nouvellePage();
                }
                if (i == 0 && puce != null) {
                    page.add(new Texte(x - RETRAIT_LISTE + 6, ligneDeBase(y, CORPS), CORPS.taille(), false, puce, 0));
                }
                ligne(lignes.get(i), x, largeur, CORPS, alignement, i == lignes.size() - 1);
                y -= CORPS.interligne();
            }
            y -= apres;
        }

        private void tableau(Tableau t) {
            int colonnes = t.lignes().get(0).size();
            float largeurColonne = LARGEUR / colonnes;
            List<List<List<List<Mot>>>> contenu = new ArrayList<>();
            List<Float> hauteurs = new ArrayList<>();
            float total = 0;
            for (List<List<Fragment>> rangee : t.lignes()) {
                List<List<List<Mot>>> cellules = new ArrayList<>();
                int lignesMax = 0;
                for (List<Fragment> cellule : rangee) {
                    List<List<Mot>> l = couper(mots(cellule, CORPS.taille(), false), largeurColonne - 2 * MARGE_CELLULE, CORPS.taille());
                    cellules.add(l);
                    lignesMax = Math.max(lignesMax, l.size());
                }
                // A row with nothing written in it is where the parties sign by hand.
                float h = (lignesMax == 0 ? LIGNES_SIGNATURE : lignesMax) * CORPS.interligne() + 2 * MARGE_CELLULE;
                if (h > HAUTEUR_UTILE) {
                    throw new IllegalStateException("une ligne de tableau dépasse la hauteur d'une page");
                }
                contenu.add(cellules);
                hauteurs.add(h);
                total += h;
            }
            if (total <= HAUTEUR_UTILE && restant() < total && !page.isEmpty()) {
                nouvellePage();
            }
            for (int r = 0; r < contenu.size(); r++) {
                float h = hauteurs.get(r);
                if (restant() < h) {
                    nouvellePage();
                }
                float haut = y;
                page.add(new Trait(MARGE_GAUCHE, haut, MARGE_GAUCHE + LARGEUR, haut, 0.6f));
                page.add(new Trait(MARGE_GAUCHE, haut - h, MARGE_GAUCHE + LARGEUR, haut - h, 0.6f));
                for (int c = 0; c <= colonnes; c++) {
                    float x = MARGE_GAUCHE + c * largeurColonne;
                    page.add(new Trait(x, haut, x, haut - h, 0.6f));
                }
                for (int c = 0; c < colonnes; c++) {
                    y = haut - MARGE_CELLULE;
                    for (List<Mot> l : contenu.get(r).get(c)) {
                        ligne(l, MARGE_GAUCHE + c * largeurColonne + MARGE_CELLULE, largeurColonne - 2 * MARGE_CELLULE, CORPS,
                                Alignement.GAUCHE, true);
                        y -= CORPS.interligne();
                    }
                }
                y = haut - h;
            }
            y -= 8;
        }

        /** The header (and a rule under it) and the footer of page n of N. */
        List<Trace> marges(Document document, int n, int total) {
            List<Trace> traces = new ArrayList<>();
            List<Mot> enTete = mots(document.enTete(n, total), MARGES.taille(), false);
            if (!enTete.isEmpty()) {
                float base = FORMAT.getHeight() - 46;
                placerEnUneLigne(traces, enTete, base, Alignement.GAUCHE);
                traces.add(new Trait(MARGE_GAUCHE, base - 6, MARGE_GAUCHE + LARGEUR, base - 6, 0.4f));
            }
            List<Mot> pied = mots(document.pied(n, total), MARGES.taille(), false);
            if (!pied.isEmpty()) {
                placerEnUneLigne(traces, pied, 36, Alignement.CENTRE);
            }
            return traces;
        }

        /** One line, cut with « … » if it is too long (a header never wraps). */
        private void placerEnUneLigne(List<Trace> traces, List<Mot> mots, float base, Alignement alignement) {
            List<Mot> ligne = new ArrayList<>(mots);
            if (largeurNaturelle(ligne, MARGES.taille()) > LARGEUR) {
                Mot points = new Mot(List.of(new Fragment("…", false)), police.largeur("…", MARGES.taille()));
                float espace = police.largeur(" ", MARGES.taille());
                while (!ligne.isEmpty() && largeurNaturelle(ligne, MARGES.taille()) + espace + points.largeur() > LARGEUR) {
                    ligne.remove(ligne.size() - 1);
                }
                ligne.add(points);
            }
            List<Trace> corps = page;
            float hauteur = y;
            page = traces;
            y = base + MARGES.interligne() / 2 + 0.36f * MARGES.taille();
            ligne(ligne, MARGE_GAUCHE, LARGEUR, MARGES, alignement, true, GRIS_MARGES);
            y = hauteur;
            page = corps;
        }

        private float ligneDeBase(float haut, Style s) {
            // Text centred in its line: half the line height, plus half the capital height (≈ 0.72 em).
            return haut - s.interligne() / 2 - 0.36f * s.taille();
        }

        private void ligne(List<Mot> mots, float x, float largeur, Style s, Alignement alignement, boolean derniere) {
            ligne(mots, x, largeur, s, alignement, derniere, 0f);
        }

        private void ligne(List<Mot> mots, float x, float largeur, Style s, Alignement alignement, boolean derniere, float gris) {
            float espace = police.largeur(" ", s.taille());
            float naturelle = largeurNaturelle(mots, s.taille());
            float ecart = espace;
            float position = x;
            if (alignement == Alignement.CENTRE) {
                position = x + Math.max(0, (largeur - naturelle) / 2);
            } else if (alignement == Alignement.JUSTIFIE && !derniere && mots.size() > 1) {
                float justifie = espace + (largeur - naturelle) / (mots.size() - 1);
                ecart = justifie > 4 * espace ? espace : justifie;
            }
            float base = ligneDeBase(y, s);
            for (Mot m : mots) {
                for (Fragment f : m.morceaux()) {
                    page.add(new Texte(position, base, s.taille(), f.gras(), f.texte(), gris));
                    position += largeur(f, s.taille());
                }
                position += ecart;
            }
        }

        private float largeurNaturelle(List<Mot> mots, float taille) {
            float espace = police.largeur(" ", taille);
            float l = 0;
            for (Mot m : mots) {
                l += m.largeur();
            }
            return l + Math.max(0, mots.size() - 1) * espace;
        }

        /** The words of a text: cut at ordinary spaces only (a non-breaking space holds « 50 000 € » together). */
        private List<Mot> mots(List<Fragment> fragments, float taille, boolean toutGras) {
            List<Mot> mots = new ArrayList<>();
            List<Fragment> courant = new ArrayList<>();
            for (Fragment f : fragments) {
                boolean gras = toutGras || f.gras();
                StringBuilder morceau = new StringBuilder();
                char[] cars = police.nettoyer(f.texte()).toCharArray();
                for (int i = 0; i < cars.length; i++) {
                    char c = cars[i];
                    // French typography: « : », « ; », « ? », « ! » and « » » never start a line, « « » never ends one.
                    boolean insecable = c == ' ' && ((i + 1 < cars.length && ":;!?»".indexOf(cars[i + 1]) >= 0)
                            || (i > 0 && cars[i - 1] == '«'));
                    if (insecable) {
                        morceau.append(ESPACE_INSECABLE);
                    } else if (c == ' ') {
                        if (!morceau.isEmpty()) {
                            courant.add(new Fragment(morceau.toString(), gras));
                            morceau.setLength(0);
                        }
                        if (!courant.isEmpty()) {
                            mots.add(mot(courant, taille));
                            courant = new ArrayList<>();
                        }
                    } else {
                        morceau.append(c);
                    }
                }
                if (!morceau.isEmpty()) {
                    courant.add(new Fragment(morceau.toString(), gras));
                }
            }
            if (!courant.isEmpty()) {
                mots.add(mot(courant, taille));
            }
            return mots;
        }

        private Mot mot(List<Fragment> morceaux, float taille) {
            float l = 0;
            for (Fragment f : morceaux) {
                l += largeur(f, taille);
            }
            return new Mot(List.copyOf(morceaux), l);
        }

        /** Bold letters, thickened by their outline, are set a little apart (character spacing). */
        private float largeur(Fragment f, float taille) {
            float l = police.largeur(f.texte(), taille);
            return f.gras() ? l + f.texte().codePointCount(0, f.texte().length()) * espacementGras(taille) : l;
        }

        /** Greedy line filling; a word wider than the line is cut between two characters. */
        private List<List<Mot>> couper(List<Mot> mots, float largeur, float taille) {
            float espace = police.largeur(" ", taille);
            List<List<Mot>> lignes = new ArrayList<>();
            List<Mot> courante = new ArrayList<>();
            float occupe = 0;
            for (Mot entier : mots) {
                for (Mot m : entier.largeur() > largeur ? trancher(entier, largeur, taille) : List.of(entier)) {
                    if (courante.isEmpty()) {
                        courante.add(m);
                        occupe = m.largeur();
                    } else if (occupe + espace + m.largeur() <= largeur) {
                        courante.add(m);
                        occupe += espace + m.largeur();
                    } else {
                        lignes.add(courante);
                        courante = new ArrayList<>(List.of(m));
                        occupe = m.largeur();
                    }
                }
            }
            if (!courante.isEmpty()) {
                lignes.add(courante);
            }
            return lignes;
        }

        private List<Mot> trancher(Mot mot, float largeur, float taille) {
            List<Mot> tranches = new ArrayList<>();
            List<Fragment> tranche = new ArrayList<>();
            float occupe = 0;
            for (Fragment f : mot.morceaux()) {
                StringBuilder sb = new StringBuilder();
                int[] points = f.texte().codePoints().toArray();
                for (int cp : points) {
                    String c = new String(Character.toChars(cp));
                    float l = largeur(new Fragment(c, f.gras()), taille);
                    if (occupe + l > largeur && (occupe > 0)) {
                        if (!sb.isEmpty()) {
                            tranche.add(new Fragment(sb.toString(), f.gras()));
                            sb.setLength(0);
                        }
                        tranches.add(mot(tranche, taille));
                        tranche = new ArrayList<>();
                        occupe = 0;
                    }
                    sb.append(c);
                    occupe += l;
                }
                if (!sb.isEmpty()) {
                    tranche.add(new Fragment(sb.toString(), f.gras()));
                }
            }
            if (!tranche.isEmpty()) {
                tranches.add(mot(tranche, taille));
            }
            return tranches;
        }
    }
}
