package fr.gouv.fabriques.web;

import static fr.gouv.fabriques.web.PageHtml.echapper;

import fr.gouv.fabriques.application.migration.MigrerVersionsProcessus.Rapport;
import fr.gouv.fabriques.application.port.VersionsProcessus.Attente;
import fr.gouv.fabriques.application.port.VersionsProcessus.Correspondance;
import fr.gouv.fabriques.application.port.VersionsProcessus.Instance;
import fr.gouv.fabriques.application.port.VersionsProcessus.Plan;
import fr.gouv.fabriques.application.port.VersionsProcessus.Processus;
import fr.gouv.fabriques.application.port.VersionsProcessus.Version;
import fr.gouv.fabriques.domain.Violation;
import fr.gouv.fabriques.domain.Vague;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The pages of {@code /agents/versions}: versions and running instances per process, a migration
 * plan with its checks, the launch form (a reason), the report of a migration. Written whole by
 * the server, everything from the engine or an agent escaped; the forms post to this server only.
 */
final class PageVersionsProcessus {

    static final String RACINE = "/agents/versions";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE).withZone(Vague.FUSEAU);
    private static final int INSTANCES_MONTREES = 300;

    private PageVersionsProcessus() {
    }

    private static String entete(String titre) {
        return "<header><p class=\"programme\">Programme Fabriques de Territoire</p><h1>" + echapper(titre) + "</h1></header>\n"
                + "<nav class=\"ecran\"><ul><li><a href=\"" + RACINE + "\">Versions des processus</a></li>"
                + "<li><a href=\"/camunda/app/cockpit/\">Cockpit</a></li></ul></nav>\n";
    }

    private static String date(Instant t) {
        return t == null ? "—" : DATE.format(t);
    }

    static String liste(List<Processus> processus, List<Rapport> migrations) {
        StringBuilder b = new StringBuilder(entete("Versions des processus et migration des dossiers en cours"));
        b.append("<main>\n<p>Un dossier vit trois ans sur la version de processus avec laquelle il a commencé. Après le déploiement d'une version "
                + "corrigée, choisissez une version source et la version cible : le plan (mêmes activités) est vérifié et montré avant "
                + "toute migration.</p>\n");
        for (Processus p : processus) {
            b.append("<section><h2 id=\"").append(echapper(p.cle())).append("\">").append(echapper(p.nom() == null ? p.cle() : p.nom()))
                    .append(" <span class=\"interne\">(").append(echapper(p.cle())).append(", ").append(echapper(p.cleMoteur()))
                    .append(")</span></h2>\n");
            b.append("<table><thead><tr><th>version</th><th>versionTag</th><th>déploiement</th><th>déployée le</th>"
                    + "<th class=\"montant\">instances en cours</th></tr></thead><tbody>\n");
            for (Version v : p.versions()) {
                b.append("<tr><td>").append(v.version()).append(v == p.derniere().orElse(null) ? " (dernière)" : "").append("</td><td>")
                        .append(v.versionTag() == null ? "<span class=\"vide\">—</span>" : echapper(v.versionTag())).append("</td><td>")
                        .append(echapper(v.deploiementNom())).append(" <span class=\"interne\">").append(echapper(v.deploiementId()))
                        .append("</span></td><td>").append(date(v.deploieLe())).append("</td><td class=\"montant\">").append(v.instancesEnCours())
                        .append("</td></tr>\n");
            }
            b.append("</tbody></table>\n");
            List<Version> anciennes = p.versions().stream().skip(1).filter(v -> v.instancesEnCours() > 0).toList();
            if (!anciennes.isEmpty()) {
                Version derniere = p.derniere().orElseThrow();
                b.append("<form class=\"ecran\" method=\"get\" action=\"").append(RACINE).append('/').append(echapper(p.cle()))
                        .append("/plan\"><label>Version source <select name=\"source\">");
                for (Version v : anciennes) {
                    b.append("<option value=\"").append(v.version()).append("\">").append(v.version()).append(" (").append(v.instancesEnCours())
                            .append(" en cours)</option>");
                }
                b.append("</select></label> <label>vers <select name=\"cible\">");
                for (Version v : p.versions()) {
                    b.append("<option value=\"").append(v.version()).append('"').append(v == derniere ? " selected" : "").append('>')
                            .append(v.version()).append("</option>");
                }
                b.append("</select></label> <label>Dossiers (facultatif, séparés par des espaces ou des virgules) "
                        + "<input name=\"clesMetier\" size=\"40\"></label> <button type=\"submit\">Voir le plan</button></form>\n");
            }
            b.append("</section>\n");
        }
        b.append("<section><h2>Journal des migrations</h2>\n");
        if (migrations.isEmpty()) {
            b.append("<p class=\"vide\">Aucune migration lancée.</p>\n");
        } else {
            b.append("<table><thead><tr><th>n°</th><th>processus</th><th>versions</th><th class=\"montant\">instances</th><th>lancée par, le</th>"
                    + "<th>état du lot</th></tr></thead><tbody>\n");
            for (Rapport r : migrations) {
                var m = r.migration();
                b.append("<tr><td><a href=\"").append(RACINE).append("/migrations/").append(m.id()).append("\">").append(m.id())
                        .append("</a></td><td>").append(echapper(m.cle())).append("</td><td>").append(m.versionSource()).append(" → ")
                        .append(m.versionCible()).append("</td><td class=\"montant\">").append(m.instances().size()).append("</td><td>")
                        .append(echapper(m.lanceePar())).append(", ").append(date(m.lanceeLe())).append("</td><td>").append(etat(r))
                        .append("</td></tr>\n");
            }
            b.append("</tbody></table>\n");
        }
        b.append("</section>\n</main>\n");
        return PageHtml.document("Versions des processus — Fabriques de Territoire", b.toString(), "same-origin");
    }

    static String plan(Plan p, List<String> clesMetier) {
        StringBuilder b = new StringBuilder(entete("Plan de migration : " + p.cle() + ", version " + p.source().version() + " → "
                + p.cible().version()));
        b.append("<main>\n<table class=\"cles\"><tbody>")
                .append(ligne("processus", echapper(p.cle()) + " <span class=\"interne\">(" + echapper(p.cleMoteur()) + ")</span>"))
                .append(ligne("version source", versionHtml(p.source())))
                .append(ligne("version cible", versionHtml(p.cible())))
                .append(ligne("instances concernées", String.valueOf(p.instances().size())))
                .append("</tbody></table>\n");
        if (p.erreurs().isEmpty()) {
            b.append(p.instances().isEmpty() ? "<p><strong>Aucune instance à migrer.</strong></p>\n"
                    : "<p><strong>Plan valide</strong> : les " + p.instances().size() + " instance(s) peuvent passer à la version "
                            + p.cible().version() + ".</p>\n");
        } else {
            b.append("<h2>Le plan ne peut pas être exécuté</h2>\n").append(erreurs(p.erreurs()));
        }
        if (p.valide()) {
            b.append("<section class=\"ecran\"><h2>Lancer la migration</h2>\n<form method=\"post\" action=\"").append(RACINE).append('/')
                    .append(echapper(p.cle())).append("/migrations\">")
                    .append("<input type=\"hidden\" name=\"source\" value=\"").append(p.source().version()).append("\">")
                    .append("<input type=\"hidden\" name=\"cible\" value=\"").append(p.cible().version()).append("\">");
            if (clesMetier.isEmpty()) {
                b.append("<input type=\"hidden\" name=\"toutes\" value=\"true\">");
            } else {
                b.append("<input type=\"hidden\" name=\"clesMetier\" value=\"").append(echapper(String.join(" ", clesMetier))).append("\">");
            }
            b.append("<p><label>Motif (10 à 2 000 caractères, gardé au journal)<br><textarea name=\"motif\" rows=\"3\" cols=\"80\" required "
                    + "minlength=\"10\" maxlength=\"2000\"></textarea></label></p><p><button type=\"submit\">Migrer ")
                    .append(p.instances().size()).append(" instance(s) vers la version ").append(p.cible().version())
                    .append("</button></p></form></section>\n");
        }
        b.append("<h2>Correspondances (mêmes activités)</h2>\n<table><thead><tr><th>activité</th><th>version source</th><th>version cible</th>"
                + "</tr></thead><tbody>\n");
        for (Correspondance c : p.correspondances()) {
            b.append("<tr><td class=\"interne\">").append(echapper(c.activite())).append("</td><td>").append(echapper(c.nomSource()))
                    .append("</td><td>").append(echapper(c.nomCible())).append("</td></tr>\n");
        }
        b.append("</tbody></table>\n<h2>Activités de la version source sans correspondance</h2>\n");
        if (p.sansCorrespondance().isEmpty()) {
            b.append("<p class=\"vide\">Aucune : chaque état d'attente de la version source existe dans la cible.</p>\n");
        } else {
            b.append("<p>Une instance qui y attend ne peut pas migrer ; un minuteur ou un message qui y est attaché disparaît.</p><ul>");
            p.sansCorrespondance().forEach(s -> b.append("<li>").append(echapper(s)).append("</li>"));
            b.append("</ul>\n");
        }
        b.append("<h2>Instances</h2>\n<table><thead><tr><th>dossier ou vague</th><th>attend à</th></tr></thead><tbody>\n");
        for (Instance i : p.instances().stream().limit(INSTANCES_MONTREES).toList()) {
            b.append("<tr><td>").append(lienDossier(i.cleMetier())).append("</td><td>")
                    .append(i.attentes().stream().map(PageVersionsProcessus::attente).collect(Collectors.joining(" ; "))).append("</td></tr>\n");
        }
        b.append("</tbody></table>\n");
        if (p.instances().size() > INSTANCES_MONTREES) {
            b.append("<p class=\"vide\">… et ").append(p.instances().size() - INSTANCES_MONTREES).append(" autres.</p>\n");
        }
        b.append("</main>\n");
        return PageHtml.document("Plan de migration — Fabriques de Territoire", b.toString(), "same-origin");
    }

    static String rapport(Rapport r) {
        var m = r.migration();
        var s = r.suivi();
        StringBuilder b = new StringBuilder(entete("Migration n° " + m.id() + " : " + m.cle() + ", version " + m.versionSource() + " → "
                + m.versionCible()));
        b.append("<main>\n<table class=\"cles\"><tbody>")
                .append(ligne("lancée par", echapper(m.lanceePar())))
                .append(ligne("le", date(m.lanceeLe())))
                .append(ligne("motif", "<span class=\"texte\">" + echapper(m.motif()) + "</span>"))
                .append(ligne("instances confiées au lot", String.valueOf(m.instances().size())))
                .append(ligne("état du lot", etat(r) + " <span class=\"interne\">(lot " + echapper(m.batchId()) + ")</span>"))
                .append(ligne("migrées (sur la version " + m.versionCible() + ")", String.valueOf(s.migrees())))
                .append(ligne("pas encore migrées", String.valueOf(s.nonMigrees())))
                .append(ligne("terminées depuis", String.valueOf(s.terminees())))
                .append(ligne("lots en échec", String.valueOf(s.echecs())))
                .append("</tbody></table>\n");
        if (!s.messagesEchec().isEmpty()) {
            b.append("<h2>Échecs</h2><ul>");
            s.messagesEchec().forEach(e -> b.append("<li>").append(echapper(e)).append("</li>"));
            b.append("</ul>\n");
        }
        b.append("<h2>Instances</h2><p>").append(m.clesMetier().stream().filter(k -> !k.isEmpty()).distinct()
                .map(PageVersionsProcessus::lienDossier).collect(Collectors.joining(", "))).append("</p>\n</main>\n");
        return PageHtml.document("Migration n° " + m.id() + " — Fabriques de Territoire", b.toString());
    }

    static String erreursPage(String titre, List<Violation> erreurs) {
        return PageHtml.document(titre + " — Fabriques de Territoire", entete(titre) + "<main>\n<p>Rien n'a été modifié.</p>\n"
                + erreurs(erreurs) + "<p><a href=\"" + RACINE + "\">Retour aux versions des processus</a></p></main>\n");
    }

    private static String erreurs(List<Violation> erreurs) {
        return "<ul>" + erreurs.stream().map(v -> "<li><strong>" + echapper(v.champ()) + "</strong> : " + echapper(v.message()) + "</li>")
                .collect(Collectors.joining()) + "</ul>\n";
    }

    private static String etat(Rapport r) {
        return switch (r.suivi().etat()) {
            case EN_COURS -> "en cours";
            case EN_ECHEC -> "en échec (incidents du lot dans Cockpit)";
            case TERMINE -> "terminé";
        };
    }

    private static String attente(Attente a) {
        return echapper(a.nom()) + (a.tacheDeFond() ? " <span class=\"interne\">(tâche de fond)</span>" : "");
    }

    private static String versionHtml(Version v) {
        return v.version() + (v.versionTag() == null ? "" : " — versionTag « " + echapper(v.versionTag()) + " »") + " — déploiement "
                + echapper(v.deploiementNom()) + " du " + date(v.deploieLe()) + " — " + v.instancesEnCours() + " instance(s) en cours";
    }

    private static String lienDossier(String cle) {
        if (cle == null || cle.isEmpty()) {
            return "<span class=\"vide\">sans clé</span>";
        }
        return cle.matches("[A-Z]{2,5}-\\d{4}-\\d{4,}") ? "<a href=\"/agents/dossiers/" + URLEncoder.encode(cle, StandardCharsets.UTF_8) + "\">"
                + echapper(cle) + "</a>" : echapper(cle);
    }

    private static String ligne(String cle, String valeurHtml) {
        return "<tr><th>" + echapper(cle) + "</th><td>" + valeurHtml + "</td></tr>";
    }
}
