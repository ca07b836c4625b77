package fr.gouv.fabriques.web;

import static fr.gouv.fabriques.web.PageHtml.echapper;

import fr.gouv.fabriques.application.fiche.FormatsFiche;
import fr.gouv.fabriques.application.port.HistoriqueDecisions.VagueDeliberee;
import fr.gouv.fabriques.application.port.SimulationRepository.Simulation;
import fr.gouv.fabriques.application.port.TablesCandidates;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.Violation;
import fr.gouv.fabriques.domain.simulation.RapportSimulation;
import fr.gouv.fabriques.domain.simulation.RapportSimulation.LigneDossier;
import fr.gouv.fabriques.domain.simulation.RapportSimulation.ParCategorie;
import fr.gouv.fabriques.domain.simulation.RapportSimulation.Repartition;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The simulation pages: the form (waves, candidate tables, quotas, envelope) and a report with
 * its differences highlighted. Unlike the other agents' pages they hold a form, posted to this
 * server only (form-action 'self'); the referrer policy « same-origin » lets the browser send the
 * Origin header that the agents' authentication asks of a POST carried by the Tasklist session.
 */
final class PageSimulations {

    static final String STYLE = PageHtml.CSS + """
            fieldset { border: 1px solid #ccc; margin: 0 0 1rem; padding: .6rem 1rem; }
            legend { font-weight: bold; color: #000091; }
            label { display: inline-block; margin: .2rem 1.2rem .2rem 0; }
            input[type=number] { width: 9rem; }
            button { background: #000091; color: #fff; border: 0; padding: .5rem 1.2rem; font-size: 1rem; cursor: pointer; }
            .aide { color: #555; font-size: .9rem; margin: .2rem 0 .6rem; }
            .erreurs { border-left: 4px solid #ce0500; background: #fee; padding: .5rem 1rem; }
            td.change, th.change { background: #fff1a8; font-weight: bold; }
            tr.sort td:first-child { border-left: 5px solid #ce0500; }
            tr.entre td:first-child { border-left: 5px solid #18753c; }
            .badge { display: inline-block; padding: 0 .4rem; border-radius: .3rem; font-size: .85rem; font-weight: bold; }
            .badge.sort { background: #ffe9e9; color: #ce0500; }
            .badge.entre { background: #dffee6; color: #18753c; }
            .chiffres { display: flex; flex-wrap: wrap; gap: .6rem 2rem; margin: .4rem 0 1rem; }
            .chiffres div { min-width: 9rem; }
            .chiffres strong { display: block; font-size: 1.5rem; color: #000091; }
            td.nombre, th.nombre { text-align: right; white-space: nowrap; }
            """;
    static final String CSP = "default-src 'none'; style-src '" + empreinte(STYLE) + "'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private PageSimulations() {
    }

    static ResponseEntity<String> reponse(HttpStatus statut, String html) {
        return ResponseEntity.status(statut).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore()).header("Content-Security-Policy", CSP).header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin").body(html);
    }

    private static String document(String titre, String corps) {
        return "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"referrer\" content=\"same-origin\">\n"
                + "<title>" + echapper(titre) + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n" + corps + "</body>\n</html>\n";
    }

    private static String entete(String titre) {
        return "<header><p class=\"programme\">Programme Fabriques de Territoire</p><h1>" + echapper(titre) + "</h1></header>\n";
    }

    static String formulaire(List<VagueDeliberee> vagues, List<TablesCandidates.Deploiement> deploiements, List<Simulation> dernieres,
            List<Violation> erreurs) {
        StringBuilder sb = new StringBuilder(entete("Simuler un changement de règle"));
        sb.append("<main>\n<p>Rejouez les vagues déjà délibérées avec une table d'éligibilité ou une grille de notation candidate, ou "
                + "d'autres quotas ou une autre enveloppe, <strong>avant de les déployer</strong>. Chaque dossier est réévalué à partir de "
                + "ce qui a été enregistré quand il a été décidé (entrées d'éligibilité, notes de l'instructeur, avis du référent), puis le "
                + "classement du comité de chaque vague est rejoué dans l'ordre. Rien n'est déployé, rien n'est écrit dans les dossiers, "
                + "rien n'est envoyé : seule l'exécution est enregistrée.</p>\n");
        if (erreurs != null && !erreurs.isEmpty()) {
            sb.append("<div class=\"erreurs\" role=\"alert\"><p><strong>La simulation n'a pas été lancée :</strong></p><ul>");
            for (Violation v : erreurs) {
                sb.append("<li><code>").append(echapper(v.champ())).append("</code> : ").append(echapper(v.message())).append("</li>");
            }
            sb.append("</ul></div>\n");
        }
        sb.append("<form method=\"post\" action=\"/agents/simulations\" enctype=\"multipart/form-data\">\n");
        sb.append("<fieldset><legend>Vagues à rejouer</legend>");
        if (vagues.isEmpty()) {
            sb.append("<p class=\"vide\">Aucune vague n'a encore été délibérée.</p>");
        }
        for (VagueDeliberee v : vagues) {
            sb.append("<label><input type=\"checkbox\" name=\"vagues\" value=\"").append(echapper(v.code())).append("\" checked> ")
                    .append(echapper(v.code())).append(" <span class=\"interne\">(").append(v.dossiers()).append(" dossiers en séance")
                    .append(v.dateComite() == null ? "" : ", comité du " + v.dateComite().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")))
                    .append(")</span></label>");
        }
        sb.append("</fieldset>\n<fieldset><legend>Tables candidates</legend>")
                .append("<p class=\"aide\">Fichiers <code>.dmn</code> enregistrés depuis Camunda Modeler (512 Ko au plus). Une table absente : "
                        + "le résultat enregistré est gardé pour cette partie.</p>")
                .append("<label>Éligibilité (<code>Decision_Eligibilite</code>) <input type=\"file\" name=\"eligibilite\" accept=\".dmn,.xml\"></label>")
                .append("<label>Grille de notation (<code>Decision_PoidsCriteres</code>, <code>Decision_Recommandation</code>) "
                        + "<input type=\"file\" name=\"notation\" accept=\".dmn,.xml\"></label>")
                .append("<p class=\"aide\">… ou un déploiement déjà fait dans le moteur (même une version qui n'est pas la dernière) :</p>")
                .append("<label>Déploiement <select name=\"deploiement\"><option value=\"\">— aucun —</option>");
        for (TablesCandidates.Deploiement d : deploiements) {
            sb.append("<option value=\"").append(echapper(d.id())).append("\">").append(echapper(FormatsFiche.date(d.le()))).append(" — ")
                    .append(echapper(d.nom() == null ? d.id() : d.nom())).append(" — ").append(echapper(String.join(", ", d.decisions())))
                    .append("</option>");
        }
        sb.append("</select></label></fieldset>\n<fieldset><legend>Quotas et enveloppe candidats (facultatif)</legend>")
                .append("<p class=\"aide\">Quotas cumulés sur tout le programme ; vides : ceux de chaque vague au moment de sa publication.</p>")
                .append("<label>Hors grands centres <input type=\"number\" min=\"0\" name=\"quotaHorsGrandsCentres\"></label>")
                .append("<label>QPV <input type=\"number\" min=\"0\" name=\"quotaQpv\"></label>")
                .append("<label>Numériques QPV <input type=\"number\" min=\"0\" name=\"quotaNumeriqueQpv\"></label>")
                .append("<label>Enveloppe (€) <input type=\"number\" min=\"0\" name=\"enveloppe\"></label></fieldset>\n")
                .append("<p><button type=\"submit\">Lancer la simulation</button></p>\n</form>\n");
        sb.append("<h2>Dernières simulations</h2>\n");
        if (dernieres.isEmpty()) {
            sb.append("<p class=\"vide\">Aucune simulation lancée.</p>\n");
        } else {
            sb.append("<table><thead><tr><th>n°</th><th>Lancée le</th><th>Par</th><th>Tables et réglages</th><th class=\"nombre\">Dossiers</th>"
                    + "<th class=\"nombre\">Changés</th><th class=\"nombre\">Sortiraient</th><th class=\"nombre\">Entreraient</th></tr></thead><tbody>");
            for (Simulation s : dernieres) {
                sb.append("<tr><td><a href=\"/agents/simulations/").append(s.id()).append("\">").append(s.id()).append("</a></td><td>")
                        .append(echapper(FormatsFiche.date(s.lanceeLe()))).append("</td><td>").append(echapper(s.lanceePar())).append("</td><td>")
                        .append(echapper(resumeTables(s))).append("</td><td class=\"nombre\">").append(s.dossiersRejoues())
                        .append("</td><td class=\"nombre\">").append(s.dossiersChanges()).append("</td><td class=\"nombre\">").append(s.sortants())
                        .append("</td><td class=\"nombre\">").append(s.entrants()).append("</td></tr>");
            }
            sb.append("</tbody></table>\n");
        }
        return document("Simuler un changement de règle — Fabriques de Territoire", sb.append("</main>\n").toString());
    }

    static String resumeTables(Simulation s) {
        StringBuilder sb = new StringBuilder();
        if (s.eligibilite() != null) {
            sb.append("éligibilité : ").append(s.eligibilite().origine()).append(" (SHA-256 ").append(s.eligibilite().sha256(), 0, 12).append("…) ; ");
        }
        if (s.notation() != null) {
            sb.append("notation : ").append(s.notation().origine()).append(" (SHA-256 ").append(s.notation().sha256(), 0, 12).append("…) ; ");
        }
        s.quotas().forEach((c, q) -> sb.append("quota ").append(c.name()).append(" = ").append(q).append(" ; "));
        if (s.enveloppe() != null) {
            sb.append("enveloppe ").append(FormatsFiche.euros(s.enveloppe())).append(" ; ");
        }
        return sb.length() > 3 ? sb.substring(0, sb.length() - 3) : "—";
    }

    static String rapport(Simulation s) {
        RapportSimulation r = s.rapport();
        StringBuilder sb = new StringBuilder(entete("Simulation n° " + s.id()));
        sb.append("<nav class=\"ecran\"><ul><li><a href=\"/agents/simulations\">Nouvelle simulation</a></li><li><a href=\"/api/agents/simulations/")
                .append(s.id()).append("/rapport.csv\">Télécharger en CSV</a></li><li><a href=\"/api/agents/simulations/").append(s.id())
                .append("/rapport.xlsx\">Télécharger en XLSX</a></li></ul></nav>\n<main>\n");
        sb.append("<table class=\"cles\"><tbody><tr><th>Lancée</th><td>le ").append(echapper(FormatsFiche.date(s.lanceeLe()))).append(" par ")
                .append(echapper(s.lanceePar())).append("</td></tr><tr><th>Tables et réglages candidats</th><td>").append(echapper(resumeTables(s)))
                .append("</td></tr><tr><th>Vagues rejouées</th><td>").append(echapper(String.join(", ", s.vagues()))).append("</td></tr><tr><th>Durée</th><td>")
                .append(s.dureeMs()).append(" ms</td></tr></tbody></table>\n");
        sb.append("<p class=\"aide\">« Avant » : chaque vague rejouée avec ce qui a été enregistré (tables, quotas et enveloppe de l'époque) ; "
                + "« après » : avec les règles candidates. Un dossier est « dans le quota » quand son rang dans sa catégorie tient dans les "
                + "places de la vague (les lauréats que le comité y a choisis, jamais plus que le quota restant) et dans l'enveloppe, sa "
                + "recommandation n'étant pas défavorable. Le comité a gardé le dernier mot : sa décision est à côté.</p>\n");
        synthese(sb, r.global(), true);
        sb.append("<h2>Régions et départements</h2>\n<p class=\"aide\">Lauréats du comité et lauréats après simulation (décidés − sortants "
                + "+ entrants) ; en jaune, ce qui change.</p>\n");
        repartition(sb, "Région", r.global().regions());
        repartition(sb, "Département", r.global().departements());
        for (RapportSimulation.Vague v : r.vagues()) {
            sb.append("<section><h2>Vague ").append(echapper(v.code())).append("</h2>\n");
            if (v.etatReconstitue()) {
                sb.append("<p class=\"aide\">Quotas et compteurs de cette vague reconstitués (publiée avant leur enregistrement).</p>");
            }
            if (v.entreesReconstituees() > 0) {
                sb.append("<p class=\"aide\">").append(v.entreesReconstituees())
                        .append(" dossier(s) décidés avant l'enregistrement des entrées d'éligibilité : entrées reconstituées.</p>");
            }
            synthese(sb, v.synthese(), false);
            lignes(sb, v.lignes());
            sb.append("</section>\n");
        }
        return document("Simulation n° " + s.id() + " — Fabriques de Territoire", sb.append("</main>\n").toString());
    }

    private static void synthese(StringBuilder sb, RapportSimulation.Synthese s, boolean global) {
        sb.append(global ? "<h2>Ensemble des vagues</h2>\n" : "");
        sb.append("<div class=\"chiffres\"><div><strong>").append(s.dossiersRejoues()).append("</strong>dossiers rejoués</div><div><strong>")
                .append(s.dossiersChanges()).append("</strong>dossiers qui changent</div><div><strong>").append(s.sortants())
                .append("</strong>lauréats qui sortiraient</div><div><strong>").append(s.entrants()).append("</strong>dossiers qui entreraient</div><div><strong>")
                .append(s.eligibiliteChangee()).append("</strong>éligibilités changées</div><div><strong>").append(s.recommandationChangee())
                .append("</strong>recommandations changées</div><div><strong>").append(s.rangChange()).append("</strong>rangs changés</div></div>\n");
        sb.append("<table><thead><tr><th>Catégorie</th>").append(global ? "" : "<th class=\"nombre\">Quota avant / après</th><th class=\"nombre\">Places avant / après</th>")
                .append("<th class=\"nombre\">Lauréats du comité</th><th class=\"nombre\">Dans le quota avant</th><th class=\"nombre\">Dans le quota après</th>"
                        + "<th class=\"nombre\">Engagé avant</th><th class=\"nombre\">Engagé après</th></tr></thead><tbody>");
        for (ParCategorie p : s.categories()) {
            sb.append("<tr><td>").append(echapper(p.categorie().libelle())).append("</td>");
            if (!global) {
                sb.append(cellule(p.quotaAvant() + " / " + p.quotaApres(), p.quotaAvant() != p.quotaApres()))
                        .append(cellule(p.placesAvant() + " / " + p.placesApres(), p.placesAvant() != p.placesApres()));
            }
            sb.append("<td class=\"nombre\">").append(p.laureatsReels()).append("</td><td class=\"nombre\">").append(p.dansQuotaAvant()).append("</td>")
                    .append(cellule(String.valueOf(p.dansQuotaApres()), p.dansQuotaApres() != p.dansQuotaAvant()))
                    .append("<td class=\"nombre\">").append(echapper(FormatsFiche.euros(p.engageAvant()))).append("</td>")
                    .append(cellule(FormatsFiche.euros(p.engageApres()), p.engageApres() != p.engageAvant())).append("</tr>");
        }
        sb.append("</tbody><tfoot><tr><th>Total</th>").append(global ? "" : "<th></th><th></th>").append("<th></th><th></th><th></th><th class=\"nombre\">")
                .append(echapper(FormatsFiche.euros(s.enveloppeAvant()))).append("</th><th class=\"nombre").append(s.enveloppeApres() != s.enveloppeAvant() ? " change" : "")
                .append("\">").append(echapper(FormatsFiche.euros(s.enveloppeApres()))).append("</th></tr></tfoot></table>\n");
    }

    private static String cellule(String texte, boolean change) {
        return "<td class=\"nombre" + (change ? " change" : "") + "\">" + echapper(texte) + "</td>";
    }

    private static void repartition(StringBuilder sb, String nature, List<Repartition> liste) {
        List<Repartition> changees = liste.stream().filter(x -> x.laureatsReels() != x.laureatsApres()).toList();
        sb.append("<h3>").append(nature).append("s (").append(liste.size()).append(", dont ").append(changees.size()).append(" qui changent)</h3>\n");
        sb.append("<table><thead><tr><th>").append(nature).append("</th><th class=\"nombre\">Lauréats du comité</th><th class=\"nombre\">Après simulation</th>"
                + "</tr></thead><tbody>");
        for (Repartition x : liste) {
            sb.append("<tr><td>").append(echapper(x.code())).append("</td><td class=\"nombre\">").append(x.laureatsReels()).append("</td>")
                    .append(cellule(String.valueOf(x.laureatsApres()), x.laureatsReels() != x.laureatsApres())).append("</tr>");
        }
        sb.append("</tbody></table>\n");
    }

    private static void lignes(StringBuilder sb, List<LigneDossier> lignes) {
        if (lignes.isEmpty()) {
            sb.append("<p class=\"vide\">Aucun dossier ne change dans cette vague.</p>\n");
            return;
        }
        // Those that would leave or come in first, then those whose place within the quota changes, then the rest.
        lignes = lignes.stream().sorted(java.util.Comparator.comparingInt((LigneDossier l) -> l.mouvement() != null ? 0
                : l.dansQuotaAvant() != l.dansQuotaApres() || l.eligibiliteChange() ? 1 : 2).thenComparing(l -> l.categorie())
                .thenComparing(l -> l.rangApres() == null ? Integer.MAX_VALUE : l.rangApres())).toList();
        long effets = lignes.stream().filter(l -> l.mouvement() != null).count();
        sb.append("<p>").append(effets).append(" lauréat(s) ou dossier(s) changeraient de sort dans cette vague (en tête du tableau) ; ")
                .append(lignes.size() - effets).append(" autre(s) dossier(s) y changent de score, de recommandation ou de rang.</p>\n");
        sb.append("<table><thead><tr><th>Dossier</th><th>Catégorie</th><th>Dép.</th><th>Décision du comité</th><th>Avis du référent</th>"
                + "<th>Éligible</th><th class=\"nombre\">Score</th><th>Recommandation</th><th class=\"nombre\">Rang</th><th>Dans le quota</th>"
                + "<th>Effet</th></tr></thead><tbody>");
        for (LigneDossier l : lignes) {
            String classe = l.mouvement() == RapportSimulation.Mouvement.SORTIRAIT ? " class=\"sort\""
                    : l.mouvement() == RapportSimulation.Mouvement.ENTRERAIT ? " class=\"entre\"" : "";
            sb.append("<tr").append(classe).append("><td><a href=\"/agents/dossiers/").append(echapper(l.numero())).append("\">")
                    .append(echapper(l.numero())).append("</a><br><span class=\"interne\">").append(echapper(l.structure())).append("</span></td><td>")
                    .append(echapper(court(l.categorie()))).append("</td><td>").append(echapper(l.departement())).append("</td><td>")
                    .append(echapper(decision(l))).append("</td><td>").append(echapper(l.avisTerritorial() == null ? "—" : l.avisTerritorial().libelle()))
                    .append("</td>")
                    .append(avantApres(oui(l.eligibleAvant()), oui(l.eligibleApres()), l.eligibiliteChange(), false))
                    .append(avantApres(score(l.scoreAvant()), score(l.scoreApres()), l.scoreChange(), true))
                    .append(avantApres(avis(l.recommandationAvant()), avis(l.recommandationApres()), l.recommandationChange(), false))
                    .append(avantApres(l.rangAvant() == null ? "—" : l.rangAvant().toString(), l.rangApres() == null ? "—" : l.rangApres().toString(),
                            l.rangChange(), true))
                    .append(avantApres(oui(l.dansQuotaAvant()), l.dejaLaureat() ? "déjà lauréat" : oui(l.dansQuotaApres()),
                            l.dansQuotaAvant() != l.dansQuotaApres(), false))
                    .append("<td>").append(l.mouvement() == RapportSimulation.Mouvement.SORTIRAIT ? "<span class=\"badge sort\">sortirait</span>"
                            : l.mouvement() == RapportSimulation.Mouvement.ENTRERAIT ? "<span class=\"badge entre\">entrerait</span>" : "")
                    .append("</td></tr>");
        }
        sb.append("</tbody></table>\n");
    }

    private static String avantApres(String avant, String apres, boolean change, boolean nombre) {
        String c = (nombre ? "nombre" : "") + (change ? " change" : "");
        return "<td" + (c.isBlank() ? "" : " class=\"" + c.strip() + "\"") + ">" + echapper(change ? avant + " → " + apres : apres) + "</td>";
    }

    private static String court(Categorie c) {
        return switch (c) {
            case HORS_GRANDS_CENTRES -> "hors grands centres";
            case QPV -> "QPV";
            case NUMERIQUE_QPV -> "numérique QPV";
        };
    }

    private static String decision(LigneDossier l) {
        return l.decisionReelle() == null ? "hors séance" : switch (l.decisionReelle()) {
            case LAUREAT -> "lauréat";
            case REFUSE -> "refusé";
            case AJOURNE -> "ajourné";
        };
    }

    private static String oui(boolean b) {
        return b ? "oui" : "non";
    }

    private static String score(BigDecimal s) {
        return s == null ? "—" : FormatsFiche.nombre(s);
    }

    private static String avis(fr.gouv.fabriques.domain.Avis a) {
        return a == null ? "—" : a.libelle();
    }

    private static String empreinte(String css) {
        try {
            return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(css.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
