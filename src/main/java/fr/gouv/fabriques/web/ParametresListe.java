package fr.gouv.fabriques.web;

import fr.gouv.fabriques.application.liste.FiltreDossiers;
import fr.gouv.fabriques.application.liste.ListerDossiers;
import fr.gouv.fabriques.application.liste.TriDossiers;
import fr.gouv.fabriques.domain.Appel;
import fr.gouv.fabriques.domain.Avis;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.StatutDossier;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The query string of the dossiers list ({@code /api/agents/dossiers}, its exports and the page
 * {@code /agents/dossiers}). Its names and values are a contract (the Cockpit « Programme » plugin
 * builds links with them): {@code statut}, {@code vague}, {@code appel}, {@code categorie},
 * {@code departement}, {@code region}, {@code avisReferent}, {@code recommandation} take one or
 * more values (repeated, or separated by commas), the enums by their Java names, the départements
 * and régions by their INSEE codes (« 58 », « 2A », « 971 »; « 27 »); {@code q} searches text;
 * {@code tri}, {@code ordre} ({@code asc}, {@code desc}), {@code page} (from 0) and {@code taille}
 * (1 to 200, 50 by default). An empty value is no filter; anything else unknown is refused (400
 * naming the parameter and what it admits): a misspelt filter never silently widens an export.
 */
record ParametresListe(FiltreDossiers filtre, TriDossiers tri, boolean descendant, int page, int taille) {

    static final List<String> NOMS = List.of("q", "statut", "vague", "appel", "categorie", "departement", "region", "avisReferent",
            "recommandation", "tri", "ordre", "page", "taille");
    private static final Pattern DEPARTEMENT = Pattern.compile("[0-9]{2}|2[ABab]|97[0-9]");
    private static final Pattern REGION = Pattern.compile("[0-9]{2}");
    private static final Pattern VAGUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");
    private static final int TEXTE_MAX = 200;
    private static final int PAGE_MAX = 100_000;

    /** A parameter refused: its name and what it admits, in French. */
    static final class Invalide extends RuntimeException {
        private final String parametre;

        Invalide(String parametre, String message) {
            super(message);
            this.parametre = parametre;
        }

        String parametre() {
            return parametre;
        }
    }

    static ParametresListe lire(Map<String, String[]> parametres) {
        for (String nom : new TreeSet<>(parametres.keySet())) {
            if (!NOMS.contains(nom)) {
                throw new Invalide(nom, "Paramètre « " + nom + " » inconnu ; paramètres admis : " + String.join(", ", NOMS) + ".");
            }
        }
        Set<StatutDossier> statuts = enums(parametres, "statut", StatutDossier.class);
        Set<String> vagues = codes(parametres, "vague", VAGUE, "un code de vague (lettres, chiffres et tirets, 32 caractères au plus, "
                + "ex. FDT-2020-T1)");
        Set<Appel> appels = enums(parametres, "appel", Appel.class);
        Set<Categorie> categories = enums(parametres, "categorie", Categorie.class);
        Set<String> departements = codes(parametres, "departement", DEPARTEMENT,
                "un code de département INSEE (ex. 58, 2A, 971)").stream().map(s -> s.toUpperCase()).collect(Collectors.toSet());
        Set<String> regions = codes(parametres, "region", REGION, "un code de région INSEE à deux chiffres (ex. 27)");
        List<String> avisAdmis = new ArrayList<>(Arrays.stream(Avis.values()).map(Enum::name).toList());
        avisAdmis.add(FiltreDossiers.AVIS_ABSENT);
        Set<String> avis = parmi(parametres, "avisReferent", avisAdmis);
        Set<String> recommandations = parmi(parametres, "recommandation", Arrays.stream(Avis.values()).map(Enum::name).toList());
        String q = unique(parametres, "q");
        if (q != null && q.strip().length() > TEXTE_MAX) {
            throw new Invalide("q", "Paramètre « q » : " + TEXTE_MAX + " caractères au plus.");
        }
        String triValeur = unique(parametres, "tri");
        TriDossiers tri = triValeur == null ? TriDossiers.NUMERO : TriDossiers.deParametre(triValeur)
                .orElseThrow(() -> new Invalide("tri", "Paramètre « tri » : valeur « " + triValeur + " » inconnue ; valeurs admises : "
                        + TriDossiers.admis() + "."));
        String ordre = unique(parametres, "ordre");
        if (ordre != null && !ordre.equals("asc") && !ordre.equals("desc")) {
            throw new Invalide("ordre", "Paramètre « ordre » : valeur « " + ordre + " » inconnue ; valeurs admises : asc, desc.");
        }
        int page = entier(parametres, "page", 0, 0, PAGE_MAX);
        int taille = entier(parametres, "taille", ListerDossiers.TAILLE_DEFAUT, 1, ListerDossiers.TAILLE_MAX);
        return new ParametresListe(new FiltreDossiers(statuts, vagues, appels, categories, departements, regions, avis, recommandations, q,
                null), tri, "desc".equals(ordre), page, taille);
    }

    /** The values of a parameter: repeated, or separated by commas; blanks dropped. */
    private static List<String> valeurs(Map<String, String[]> parametres, String nom) {
        String[] brutes = parametres.get(nom);
        if (brutes == null) {
            return List.of();
        }
        List<String> v = new ArrayList<>();
        for (String b : brutes) {
            for (String morceau : b.split(",")) {
                if (!morceau.isBlank()) {
                    v.add(morceau.strip());
                }
            }
        }
        return v;
    }

    private static <E extends Enum<E>> Set<E> enums(Map<String, String[]> parametres, String nom, Class<E> type) {
        List<String> admis = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        return parmi(parametres, nom, admis).stream().map(v -> Enum.valueOf(type, v)).collect(Collectors.toSet());
    }

    private static Set<String> parmi(Map<String, String[]> parametres, String nom, List<String> admis) {
        Set<String> lues = new LinkedHashSet<>();
        for (String v : valeurs(parametres, nom)) {
            if (!admis.contains(v)) {
                throw new Invalide(nom, "Paramètre « " + nom + " » : valeur « " + tronquer(v) + " » inconnue ; valeurs admises : "
                        + String.join(", ", admis) + " (plusieurs séparées par des virgules).");
            }
            lues.add(v);
        }
        return lues;
    }

    private static Set<String> codes(Map<String, String[]> parametres, String nom, Pattern forme, String attendu) {
        Set<String> lues = new LinkedHashSet<>();
        for (String v : valeurs(parametres, nom)) {
            if (!forme.matcher(v).matches()) {
                throw new Invalide(nom, "Paramètre « " + nom + " » : valeur « " + tronquer(v) + " » invalide ; attendu : " + attendu + ".");
            }
            lues.add(v);
        }
        return lues;
    }

    private static String unique(Map<String, String[]> parametres, String nom) {
        String[] v = parametres.get(nom);
        if (v == null || v.length == 0 || v[0].isBlank() && v.length == 1) {
            return null;
        }
        if (v.length > 1) {
            throw new Invalide(nom, "Paramètre « " + nom + " » : une seule valeur attendue.");
        }
        return v[0].strip();
    }

    private static int entier(Map<String, String[]> parametres, String nom, int defaut, int min, int max) {
        String v = unique(parametres, nom);
        if (v == null) {
            return defaut;
        }
        String attendu = "Paramètre « " + nom + " » : nombre entier de " + min + " à " + max + " attendu ; reçu « " + tronquer(v) + " ».";
        if (!v.matches("[0-9]{1,9}")) {
            throw new Invalide(nom, attendu);
        }
        int n = Integer.parseInt(v);
        if (n < min || n > max) {
            throw new Invalide(nom, attendu);
        }
        return n;
    }

    private static String tronquer(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }

    /** The filter as query parameters (canonical: sorted values, joined by commas), without tri, ordre, page, taille. */
    Map<String, String> filtres() {
        Map<String, String> m = new LinkedHashMap<>();
        FiltreDossiers f = filtre;
        if (f.texte() != null) {
            m.put("q", f.texte());
        }
        ajouter(m, "statut", f.statuts(), Enum::name);
        ajouter(m, "vague", f.vagues(), s -> s);
        ajouter(m, "appel", f.appels(), Enum::name);
        ajouter(m, "categorie", f.categories(), Enum::name);
        ajouter(m, "departement", f.departements(), s -> s);
        ajouter(m, "region", f.regions(), s -> s);
        ajouter(m, "avisReferent", f.avisReferent(), s -> s);
        ajouter(m, "recommandation", f.recommandations(), s -> s);
        return m;
    }

    private static <T> void ajouter(Map<String, String> m, String nom, Set<T> valeurs, Function<T, String> texte) {
        if (!valeurs.isEmpty()) {
            m.put(nom, valeurs.stream().map(texte).sorted().collect(Collectors.joining(",")));
        }
    }

    /** A query string (without « ? ») of the filter plus the given parameters, URL-encoded. */
    String requete(Map<String, String> autres) {
        Map<String, String> m = filtres();
        m.putAll(autres);
        return m.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The order as query parameters. */
    Map<String, String> ordre() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("tri", tri.parametre());
        m.put("ordre", descendant ? "desc" : "asc");
        return m;
    }
}
