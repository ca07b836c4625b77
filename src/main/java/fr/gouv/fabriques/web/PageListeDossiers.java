package fr.gouv.fabriques.web;

import static fr.gouv.fabriques.web.PageHtml.echapper;

import fr.gouv.fabriques.application.liste.FiltreDossiers;
import fr.gouv.fabriques.application.liste.PageDossiers;
import fr.gouv.fabriques.application.liste.ResumeDossier;
import fr.gouv.fabriques.application.liste.TriDossiers;
import fr.gouv.fabriques.domain.Appel;
import fr.gouv.fabriques.domain.Avis;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.StatutDossier;
import fr.gouv.fabriques.domain.Vague;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The dossiers list as a French page: a GET form of filters (the address carries them, so a
 * filtered list is a link to keep or send), the table sorted by its column headers, pages, and
 * the export links with the current filters. Every value is escaped; no script.
 */
final class PageListeDossiers {

    private static final DateTimeFormatter JOUR = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(Vague.FUSEAU);

    private PageListeDossiers() {
    }

    static String html(String contexte, ParametresListe p, PageDossiers page) {
        StringBuilder h = new StringBuilder(16 * 1024);
        h.append("<header><p class=\"programme\">Programme Fabriques de Territoire</p><h1>Tous les dossiers</h1>")
                .append("<nav class=\"ecran\"><ul><li><a href=\"").append(echapper(contexte)).append("/camunda/app/tasklist/\">Tasklist</a></li>")
                .append("<li><a href=\"").append(echapper(contexte)).append("/camunda/app/cockpit/\">Cockpit</a></li></ul></nav></header>\n<main>\n");
        formulaire(h, contexte, p);
        h.append("<p class=\"etat\"><strong>").append(nombre(page.total())).append(page.total() > 1 ? " dossiers" : " dossier")
                .append("</strong>").append(page.total() == 0 ? "" : " — page " + (page.page() + 1) + " sur " + nombre(page.pages()))
                .append("</p>\n");
        String filtres = p.requete(p.ordre());
        h.append("<div class=\"boutons ecran\"><span>Exporter la liste filtrée :</span>");
        for (String format : List.of("csv", "xlsx", "ods")) {
            h.append("<a href=\"").append(echapper(contexte + "/api/agents/dossiers/export." + format + (filtres.isEmpty() ? "" : "?" + filtres)))
                    .append("\" download>").append(format.toUpperCase(Locale.ROOT)).append("</a>");
        }
        h.append("</div>\n");
        if (page.elements().isEmpty()) {
            h.append("<p class=\"vide\">Aucun dossier ne correspond à ces filtres.</p>\n");
        } else {
            tableau(h, contexte, p, page);
        }
        pagination(h, contexte, p, page);
        h.append("</main>\n");
        return PageHtml.document("Tous les dossiers — Fabriques de Territoire", h.toString(), true);
    }

    private static void formulaire(StringBuilder h, String contexte, ParametresListe p) {
        FiltreDossiers f = p.filtre();
        h.append("<form class=\"filtres ecran\" method=\"get\" action=\"").append(echapper(contexte)).append("/agents/dossiers\">\n");
        h.append("<label>Recherche (structure, SIRET, numéro)<input type=\"search\" name=\"q\" value=\"").append(echapper(f.texte()))
                .append("\" maxlength=\"200\"></label>\n");
        Map<String, String> statuts = new LinkedHashMap<>();
        for (StatutDossier s : StatutDossier.values()) {
            statuts.put(s.name(), s.libelle());
        }
        choix(h, "Statut", "statut", statuts, noms(f.statuts()), true);
        h.append("<label>Vague (code)<input type=\"text\" name=\"vague\" value=\"").append(echapper(String.join(",", f.vagues())))
                .append("\" size=\"14\"></label>\n");
        Map<String, String> appels = new LinkedHashMap<>();
        for (Appel a : Appel.values()) {
            appels.put(a.name(), a.libelle());
        }
        choix(h, "Appel", "appel", appels, noms(f.appels()), false);
        Map<String, String> categories = new LinkedHashMap<>();
        for (Categorie c : Categorie.values()) {
            categories.put(c.name(), c.libelle());
        }
        choix(h, "Catégorie", "categorie", categories, noms(f.categories()), false);
        h.append("<label>Département<input type=\"text\" name=\"departement\" value=\"")
                .append(echapper(String.join(",", f.departements().stream().sorted().toList()))).append("\" size=\"6\"></label>\n");
        h.append("<label>Région<input type=\"text\" name=\"region\" value=\"")
                .append(echapper(String.join(",", f.regions().stream().sorted().toList()))).append("\" size=\"4\"></label>\n");
        Map<String, String> avis = new LinkedHashMap<>();
        for (Avis a : Avis.values()) {
            avis.put(a.name(), a.libelle());
        }
        Map<String, String> avisReferent = new LinkedHashMap<>(avis);
        avisReferent.put(FiltreDossiers.AVIS_ABSENT, "absence d'avis constatée");
        choix(h, "Avis du référent", "avisReferent", avisReferent, f.avisReferent(), false);
        choix(h, "Recommandation", "recommandation", avis, f.recommandations(), false);
        Map<String, String> tris = new LinkedHashMap<>();
        for (TriDossiers t : TriDossiers.values()) {
            tris.put(t.parametre(), libelle(t));
        }
        choixUnique(h, "Trier par", "tri", tris, p.tri().parametre());
        choixUnique(h, "Ordre", "ordre", new LinkedHashMap<>(Map.of("asc", "croissant", "desc", "décroissant")), p.descendant() ? "desc" : "asc");
        Map<String, String> tailles = new LinkedHashMap<>();
        for (String t : List.of("20", "50", "100", "200")) {
            tailles.put(t, t + " par page");
        }
        // A size given in the address (a link) stays chosen when the form is sent again.
        tailles.putIfAbsent(Integer.toString(p.taille()), p.taille() + " par page");
        choixUnique(h, "Taille", "taille", tailles, Integer.toString(p.taille()));
        h.append("<button type=\"submit\">Filtrer</button> <a href=\"").append(echapper(contexte))
                .append("/agents/dossiers\">Effacer les filtres</a>\n</form>\n");
    }

    private static Set<String> noms(Set<? extends Enum<?>> valeurs) {
        return valeurs.stream().map(Enum::name).collect(Collectors.toSet());
    }

    /** A select with « all » first; several values (a link from Cockpit…) make it a multiple select. */
    private static void choix(StringBuilder h, String libelle, String nom, Map<String, String> options, Set<String> choisies,
            boolean multiple) {
        boolean plusieurs = multiple || choisies.size() > 1;
        h.append("<label>").append(echapper(libelle)).append("<select name=\"").append(nom).append('"');
        if (plusieurs) {
            h.append(" multiple size=\"4\"");
        }
        h.append(">");
        if (!plusieurs) {
            h.append("<option value=\"\">tous</option>");
        }
        for (Map.Entry<String, String> o : options.entrySet()) {
            h.append("<option value=\"").append(echapper(o.getKey())).append('"').append(choisies.contains(o.getKey()) ? " selected" : "")
                    .append('>').append(echapper(o.getValue())).append("</option>");
        }
        h.append("</select></label>\n");
    }

    private static void choixUnique(StringBuilder h, String libelle, String nom, Map<String, String> options, String choisie) {
        h.append("<label>").append(echapper(libelle)).append("<select name=\"").append(nom).append("\">");
        for (Map.Entry<String, String> o : options.entrySet()) {
            h.append("<option value=\"").append(echapper(o.getKey())).append('"').append(o.getKey().equals(choisie) ? " selected" : "")
                    .append('>').append(echapper(o.getValue())).append("</option>");
        }
        h.append("</select></label>\n");
    }

    private static String libelle(TriDossiers t) {
        return switch (t) {
            case NUMERO -> "numéro";
            case STRUCTURE -> "structure";
            case STATUT -> "statut";
            case VAGUE -> "vague";
            case CATEGORIE -> "catégorie";
            case DEPARTEMENT -> "département";
            case REGION -> "région";
            case MONTANT_DEMANDE -> "montant demandé";
            case SCORE -> "score";
            case DATE_DEPOT -> "date de dépôt";
        };
    }

    private static void tableau(StringBuilder h, String contexte, ParametresListe p, PageDossiers page) {
        h.append("<table class=\"liste\">\n<thead><tr>");
        entete(h, contexte, p, "Numéro", TriDossiers.NUMERO, false);
        entete(h, contexte, p, "Structure", TriDossiers.STRUCTURE, false);
        entete(h, contexte, p, "Dép.", TriDossiers.DEPARTEMENT, false);
        h.append("<th>Commune</th>");
        entete(h, contexte, p, "Catégorie", TriDossiers.CATEGORIE, false);
        entete(h, contexte, p, "Vague", TriDossiers.VAGUE, false);
        entete(h, contexte, p, "Statut", TriDossiers.STATUT, false);
        entete(h, contexte, p, "Demandé", TriDossiers.MONTANT_DEMANDE, true);
        h.append("<th class=\"montant\">Décidé</th>");
        entete(h, contexte, p, "Score", TriDossiers.SCORE, true);
        h.append("<th>Avis du référent</th><th>Recommandation</th>");
        entete(h, contexte, p, "Dépôt", TriDossiers.DATE_DEPOT, false);
        h.append("</tr></thead>\n<tbody>\n");
        for (ResumeDossier d : page.elements()) {
            h.append("<tr><td><a href=\"").append(echapper(contexte + "/agents/dossiers/" + d.numero())).append("\">")
                    .append(echapper(d.numero())).append("</a></td><td>").append(echapper(d.structure())).append("<br><span class=\"interne\">")
                    .append(echapper(d.siret())).append("</span></td><td>").append(echapper(d.departement())).append("</td><td>")
                    .append(echapper(d.commune())).append("</td><td>").append(echapper(categorie(d.categorie()))).append("</td><td>")
                    .append(echapper(d.vague())).append("</td><td>").append(echapper(d.statutLibelle())).append("</td><td class=\"montant\">")
                    .append(euros(d.montantDemande())).append("</td><td class=\"montant\">")
                    .append(d.montantDecide() == null ? "" : euros(d.montantDecide())).append("</td><td class=\"montant\">")
                    .append(score(d.score())).append("</td><td>").append(echapper(avis(d.avisReferent()))).append("</td><td>")
                    .append(echapper(avis(d.recommandation()))).append("</td><td>")
                    .append(d.deposeLe() == null ? "" : JOUR.format(d.deposeLe())).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    /** A sortable header: a link to the same list sorted by this column (reversed when it already is). */
    private static void entete(StringBuilder h, String contexte, ParametresListe p, String titre, TriDossiers tri, boolean montant) {
        boolean actuel = p.tri() == tri;
        boolean descendant = actuel && !p.descendant();
        Map<String, String> ordre = new LinkedHashMap<>();
        ordre.put("tri", tri.parametre());
        ordre.put("ordre", descendant ? "desc" : "asc");
        ordre.put("taille", Integer.toString(p.taille()));
        h.append("<th").append(montant ? " class=\"montant\"" : "").append(actuel ? " aria-sort=\"" + (p.descendant() ? "descending" : "ascending") + "\"" : "")
                .append("><a href=\"").append(echapper(contexte + "/agents/dossiers?" + p.requete(ordre))).append("\">").append(echapper(titre))
                .append(actuel ? (p.descendant() ? " ▼" : " ▲") : "").append("</a></th>");
    }

    private static void pagination(StringBuilder h, String contexte, ParametresListe p, PageDossiers page) {
        if (page.pages() <= 1) {
            return;
        }
        h.append("<nav class=\"pagination ecran\" aria-label=\"Pages\">");
        if (page.page() > 0) {
            lienPage(h, contexte, p, page.page() - 1, "« Page précédente");
        }
        h.append("<span>Page ").append(page.page() + 1).append(" sur ").append(nombre(page.pages())).append("</span>");
        if (page.page() + 1 < page.pages()) {
            lienPage(h, contexte, p, page.page() + 1, "Page suivante »");
        }
        h.append("</nav>\n");
    }

    private static void lienPage(StringBuilder h, String contexte, ParametresListe p, int numero, String texte) {
        Map<String, String> m = new LinkedHashMap<>(p.ordre());
        m.put("taille", Integer.toString(p.taille()));
        m.put("page", Integer.toString(numero));
        h.append("<a href=\"").append(echapper(contexte + "/agents/dossiers?" + p.requete(m))).append("\">").append(echapper(texte)).append("</a>");
    }

    private static String categorie(String code) {
        try {
            return Categorie.valueOf(code).libelle();
        } catch (IllegalArgumentException | NullPointerException e) {
            return code;
        }
    }

    private static String avis(String code) {
        if (code == null) {
            return "";
        }
        if (FiltreDossiers.AVIS_ABSENT.equals(code)) {
            return "absence constatée";
        }
        try {
            return Avis.valueOf(code).libelle();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    private static String euros(long montant) {
        return NumberFormat.getIntegerInstance(Locale.FRANCE).format(montant).replace('\u202f', '\u00a0') + "\u00a0€";
    }

    private static String nombre(long n) {
        return NumberFormat.getIntegerInstance(Locale.FRANCE).format(n).replace('\u202f', '\u00a0');
    }

    private static String score(BigDecimal score) {
        return score == null ? "" : score.stripTrailingZeros().toPlainString().replace('.', ',');
    }

}
