package fr.gouv.fabriques.document;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document template analysts edit without Java (syntax: {@code convention/LISEZMOI.txt}):
 * titles, paragraphs, lists, tables, page breaks, a page header and footer, sections kept or
 * dropped by a condition, {@code {variables}} and {@code **bold**}. It is read and checked once;
 * a mistake names the file and the line. Values are put in after the markup is read, so a
 * value (a structure's name…) can never change the layout.
 */
final class ModeleDocument {

    /** A run of text, bold or not. */
    record Fragment(String texte, boolean gras) {
    }

    sealed interface Bloc permits Titre, Paragraphe, ElementListe, Tableau, Espace, SautDePage {
    }

    /** Level 1: the document's title (centred); 2: an article; 3: a sub-title. */
    record Titre(int niveau, List<Fragment> texte) implements Bloc {
    }

    record Paragraphe(List<Fragment> texte) implements Bloc {
    }

    record ElementListe(List<Fragment> texte) implements Bloc {
    }

    /** Rows of cells; a row whose cells are all empty leaves room for a handwritten signature. */
    record Tableau(List<List<List<Fragment>>> lignes) implements Bloc {
    }

    record Espace(int lignes) implements Bloc {
    }

    record SautDePage() implements Bloc {
    }

    /** A template with its values in: the body, and the header and footer that still wait for the page numbers. */
    record Document(List<Bloc> blocs, Ligne enTete, Ligne pied, Map<String, String> valeurs, String nomModele) {

        List<Fragment> enTete(int page, int pages) {
            return enTete == null ? List.of() : marge(enTete, page, pages);
        }

        List<Fragment> pied(int page, int pages) {
            return pied == null ? List.of() : marge(pied, page, pages);
        }

        private List<Fragment> marge(Ligne ligne, int page, int pages) {
            Map<String, String> v = new LinkedHashMap<>(valeurs);
            v.put(PAGE, String.valueOf(page));
            v.put(PAGES, String.valueOf(pages));
            return enLigne(nomModele, ligne, ligne.texte(), v);
        }
    }

    record Ligne(int numero, String texte) {
    }

    /** A template mistake: which file, which line, what to write instead. */
    static final class ModeleInvalide extends IllegalStateException {
        ModeleInvalide(String nom, int ligne, String message) {
            super("Modèle " + nom + (ligne > 0 ? ", ligne " + ligne : "") + " : " + message);
        }
    }

    static final String PAGE = "page";
    static final String PAGES = "pages";
    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final Pattern TITRE = Pattern.compile("^(#+)\\s+(.*)$");
    private static final Pattern SI = Pattern.compile("^@si\\s+(non\\s+)?([A-Za-z][A-Za-z0-9]*)\\s*$");
    private static final Pattern ESPACE = Pattern.compile("^@espace(?:\\s+(\\d{1,2}))?\\s*$");
    private static final String GRAS = "**";

    private final String nom;
    private final List<Ligne> lignes;
    private final Set<String> variables;

    private ModeleDocument(String nom, List<Ligne> lignes, Set<String> variables) {
        this.nom = nom;
        this.lignes = lignes;
        this.variables = variables;
    }

    /**
     * Reads and checks a template: directives, conditions ({@code @si} … {@code @sinon} …
     * {@code @fin}), variables (only those given; {page} and {pages} in the header and footer
     * only), bold marks and table columns, for every combination of the conditions.
     */
    static ModeleDocument lire(String nom, String texte, Set<String> variables, Set<String> conditions) {
        if (texte.startsWith("\uFEFF")) {
            texte = texte.substring(1);
        }
        List<Ligne> lignes = new ArrayList<>();
        int n = 0;
        for (String l : texte.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            n++;
            if (!l.startsWith("//")) {
                lignes.add(new Ligne(n, l.stripTrailing()));
            }
        }
        ModeleDocument modele = new ModeleDocument(nom, List.copyOf(lignes), Set.copyOf(variables));
        modele.verifier(conditions);
        return modele;
    }

    private void verifier(Set<String> conditions) {
        Deque<Ligne> ouvertes = new ArrayDeque<>();
        Deque<Boolean> sinonVu = new ArrayDeque<>();
        for (Ligne l : lignes) {
            String t = l.texte();
            if (t.strip().equals("@sinon")) {
                if (ouvertes.isEmpty() || sinonVu.peek()) {
                    throw new ModeleInvalide(nom, l.numero(), "« @sinon » sans « @si » ouvert (ou second « @sinon »)");
                }
                sinonVu.pop();
                sinonVu.push(true);
            } else if (t.strip().equals("@fin")) {
                if (ouvertes.isEmpty()) {
                    throw new ModeleInvalide(nom, l.numero(), "« @fin » sans « @si » ouvert");
                }
                ouvertes.pop();
                sinonVu.pop();
            } else if (t.startsWith("@si ") || t.strip().equals("@si")) {
                Matcher m = SI.matcher(t);
                if (!m.matches()) {
                    throw new ModeleInvalide(nom, l.numero(), "écrivez « @si condition » ou « @si non condition » ; conditions possibles : "
                            + conditions.stream().sorted().toList());
                }
                if (!conditions.contains(m.group(2))) {
                    throw new ModeleInvalide(nom, l.numero(), "condition inconnue « " + m.group(2) + " » ; conditions possibles : "
                            + conditions.stream().sorted().toList());
                }
                ouvertes.push(l);
                sinonVu.push(false);
            } else if (t.startsWith("@")) {
                verifierDirective(l);
            }
            boolean marge = t.startsWith("@en-tete") || t.startsWith("@pied");
            Matcher v = VARIABLE.matcher(t);
            while (v.find()) {
                String var = v.group(1);
                boolean pagination = var.equals(PAGE) || var.equals(PAGES);
                if (pagination && !marge) {
                    throw new ModeleInvalide(nom, l.numero(), "{" + var + "} ne s'emploie que dans « @en-tete » et « @pied »");
                }
                if (!pagination && !variables.contains(var)) {
                    throw new ModeleInvalide(nom, l.numero(), "variable inconnue {" + var + "} ; variables possibles : "
                            + variables.stream().sorted().toList());
                }
            }
        }
        if (!ouvertes.isEmpty()) {
            throw new ModeleInvalide(nom, ouvertes.peek().numero(), "« @si » sans « @fin »");
        }
        // Bold marks and table columns depend on which sections are kept: try every combination.
        List<String> liste = conditions.stream().sorted().toList();
        Map<String, String> exemple = new LinkedHashMap<>();
        variables.forEach(var -> exemple.put(var, "x"));
        for (int masque = 0; masque < (1 << liste.size()); masque++) {
            Set<String> vraies = new HashSet<>();
            for (int i = 0; i < liste.size(); i++) {
                if ((masque & (1 << i)) != 0) {
                    vraies.add(liste.get(i));
                }
            }
            Document d = produire(vraies, exemple);
            d.enTete(1, 1);
            d.pied(1, 1);
        }
    }

    private void verifierDirective(Ligne l) {
        String t = l.texte();
        if (t.startsWith("@en-tete ") || t.startsWith("@pied ") || t.strip().equals("@saut-de-page")) {
            return;
        }
        Matcher m = ESPACE.matcher(t);
        if (m.matches()) {
            if (m.group(1) != null && (Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(1)) > 20)) {
                throw new ModeleInvalide(nom, l.numero(), "« @espace n » : n de 1 à 20 lignes");
            }
            return;
        }
        throw new ModeleInvalide(nom, l.numero(), "directive inconnue « " + t.split("\\s")[0] + " » ; directives possibles : "
                + "@en-tete, @pied, @si, @sinon, @fin, @saut-de-page, @espace (écrivez \\@ pour un @ en début de ligne)");
    }

    /** The document for these conditions and values; every variable of the template must have a value. */
    Document produire(Set<String> conditionsVraies, Map<String, String> valeurs) {
        Constructeur c = new Constructeur(valeurs);
        Deque<Boolean> actif = new ArrayDeque<>();
        actif.push(true);
        for (Ligne l : lignes) {
            String t = l.texte();
            Matcher si = SI.matcher(t);
            if (si.matches()) {
                boolean vrai = conditionsVraies.contains(si.group(2)) ^ (si.group(1) != null);
                actif.push(actif.peek() && vrai);
                continue;
            }
            if (t.strip().equals("@sinon")) {
                boolean etait = actif.pop();
                boolean parent = actif.peek();
                actif.push(parent && !etait);
                continue;
            }
            if (t.strip().equals("@fin")) {
                actif.pop();
                continue;
            }
            if (actif.peek()) {
                c.ligne(l);
            }
        }
        return c.terminer();
    }

    /** Builds the blocks line by line (blank line: end of a paragraph, list item or table). */
    private final class Constructeur {

        private final Map<String, String> valeurs;
        private final List<Bloc> blocs = new ArrayList<>();
        private Ligne enTete;
        private Ligne pied;
        private StringBuilder texte;
        private Ligne debut;
        private boolean liste;
        private List<List<List<Fragment>>> tableau;
        private int colonnes;

        Constructeur(Map<String, String> valeurs) {
            this.valeurs = valeurs;
        }

        void ligne(Ligne l) {
            String t = l.texte();
            if (t.isBlank()) {
                finirTexte();
                finirTableau();
                return;
            }
            if (t.startsWith("@")) {
                finirTexte();
                finirTableau();
                directive(l);
                return;
            }
            if (t.startsWith("|")) {
                finirTexte();
                rangee(l);
                return;
            }
            finirTableau();
            if (t.startsWith("\\")) {
                continuer(l, t.substring(1));
                return;
            }
            if (t.startsWith("#")) {
                Matcher m = TITRE.matcher(t);
                if (!m.matches() || m.group(1).length() > 3 || m.group(2).isBlank()) {
                    throw new ModeleInvalide(nom, l.numero(), "un titre s'écrit « # Titre », « ## Article » ou « ### Sous-titre » "
                            + "(écrivez \\# pour un # en début de ligne)");
                }
                finirTexte();
                blocs.add(new Titre(m.group(1).length(), enLigne(nom, l, m.group(2).strip(), valeurs)));
                return;
            }
            if (t.startsWith("- ")) {
                finirTexte();
                commencer(l, t.substring(2), true);
                return;
            }
            continuer(l, t);
        }

        private void continuer(Ligne l, String t) {
            if (texte == null) {
                commencer(l, t, false);
            } else {
                texte.append(' ').append(t.strip());
            }
        }

        private void commencer(Ligne l, String t, boolean element) {
            texte = new StringBuilder(t.strip());
            debut = l;
            liste = element;
        }

        private void finirTexte() {
            if (texte != null) {
                List<Fragment> f = enLigne(nom, debut, texte.toString(), valeurs);
                blocs.add(liste ? new ElementListe(f) : new Paragraphe(f));
                texte = null;
            }
        }

        private void rangee(Ligne l) {
            String t = l.texte().strip();
            if (t.length() < 2 || !t.endsWith("|")) {
                throw new ModeleInvalide(nom, l.numero(), "une ligne de tableau commence et finit par « | » : | cellule | cellule |");
            }
            String[] cellules = t.substring(1, t.length() - 1).split("\\|", -1);
            if (tableau == null) {
                tableau = new ArrayList<>();
                colonnes = cellules.length;
            } else if (cellules.length != colonnes) {
                throw new ModeleInvalide(nom, l.numero(), "cette ligne de tableau a " + cellules.length + " cellules, la première en a "
                        + colonnes);
            }
            List<List<Fragment>> rangee = new ArrayList<>();
            for (String cellule : cellules) {
                rangee.add(enLigne(nom, l, cellule.strip(), valeurs));
            }
            tableau.add(rangee);
        }

        private void finirTableau() {
            if (tableau != null) {
                blocs.add(new Tableau(List.copyOf(tableau)));
                tableau = null;
            }
        }

        private void directive(Ligne l) {
            String t = l.texte();
            if (t.startsWith("@en-tete ")) {
                enTete = new Ligne(l.numero(), t.substring("@en-tete ".length()).strip());
            } else if (t.startsWith("@pied ")) {
                pied = new Ligne(l.numero(), t.substring("@pied ".length()).strip());
            } else if (t.strip().equals("@saut-de-page")) {
                blocs.add(new SautDePage());
            } else {
                Matcher m = ESPACE.matcher(t);
                if (!m.matches()) {
                    verifierDirective(l);
                }
                blocs.add(new Espace(m.group(1) == null ? 1 : Integer.parseInt(m.group(1))));
            }
        }

        Document terminer() {
            finirTexte();
            finirTableau();
            return new Document(List.copyOf(blocs), enTete, pied, Map.copyOf(valeurs), nom);
        }
    }

    /** « **bold** » marks, then the values (one pass: a value holding « {x} » or « ** » stays as it is). */
    static List<Fragment> enLigne(String nom, Ligne ligne, String texte, Map<String, String> valeurs) {
        String[] morceaux = texte.split(Pattern.quote(GRAS), -1);
        if (morceaux.length % 2 == 0) {
            throw new ModeleInvalide(nom, ligne.numero(), "« ** » ouvert sans être refermé : **texte en gras**");
        }
        List<Fragment> fragments = new ArrayList<>();
        for (int i = 0; i < morceaux.length; i++) {
            String s = remplacer(nom, ligne, morceaux[i], valeurs);
            if (!s.isEmpty()) {
                fragments.add(new Fragment(s, i % 2 == 1));
            }
        }
        return List.copyOf(fragments);
    }

    private static String remplacer(String nom, Ligne ligne, String texte, Map<String, String> valeurs) {
        Matcher m = VARIABLE.matcher(texte);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String valeur = valeurs.get(m.group(1));
            if (valeur == null) {
                throw new ModeleInvalide(nom, ligne.numero(), "aucune valeur pour {" + m.group(1) + "}");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(valeur));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
