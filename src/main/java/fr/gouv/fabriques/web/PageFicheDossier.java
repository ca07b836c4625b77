package fr.gouv.fabriques.web;

import static fr.gouv.fabriques.application.fiche.FormatsFiche.date;
import static fr.gouv.fabriques.application.fiche.FormatsFiche.euros;
import static fr.gouv.fabriques.web.PageHtml.echapper;

import fr.gouv.fabriques.application.fiche.FicheDossier;
import fr.gouv.fabriques.application.fiche.FormatsFiche;
import fr.gouv.fabriques.application.fiche.PartieFiche;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The dossier sheet as a printable French page: one section per {@link PartieFiche}, tables,
 * a table of contents for the screen; in print, no navigation and the big sections start a
 * new page. Every value is HTML-escaped.
 */
final class PageFicheDossier {

    /** Sections that start a new printed page. */
    private static final Set<PartieFiche> SAUT_DE_PAGE = Set.of(PartieFiche.INSTRUCTION, PartieFiche.COMITE, PartieFiche.VERSEMENTS,
            PartieFiche.JOURNAL);

    private final StringBuilder h = new StringBuilder(16_384);

    private PageFicheDossier() {
    }

    /** The page's title: « Dossier FDT-2026-0001 — La Fabrique du Val ». */
    static String titre(FicheDossier f) {
        return "Dossier " + f.numero() + " — " + f.structure().raisonSociale();
    }

    static String html(FicheDossier f, Instant etablieLe) {
        PageFicheDossier p = new PageFicheDossier();
        p.entete(f, etablieLe);
        p.h.append("<main>\n");
        for (PartieFiche partie : PartieFiche.values()) {
            p.h.append("<section id=\"").append(ancre(partie)).append('"').append(SAUT_DE_PAGE.contains(partie) ? " class=\"saut\"" : "")
                    .append(">\n<h2>").append(echapper(partie.titre())).append("</h2>\n");
            switch (partie) {
                case DEMANDE -> p.demande(f);
                case PIECES -> p.pieces(f.pieces());
                case COMPLETUDE -> p.completude(f.completude());
                case AVIS_TERRITORIAL -> p.avis(f.avisTerritorial());
                case INSTRUCTION -> p.instruction(f.instruction());
                case VALIDATION -> p.validation(f.validation());
                case COMITE -> p.comite(f.comite());
                case CONVENTION -> p.convention(f.convention());
                case VERSEMENTS -> p.versements(f.versements());
                case JOURNAL -> p.journal(f.journal());
            }
            p.h.append("</section>\n");
        }
        p.h.append("</main>\n");
        return PageHtml.document(titre(f), p.h.toString());
    }

    static String ancre(PartieFiche partie) {
        return partie.name().toLowerCase().replace('_', '-');
    }

    private void entete(FicheDossier f, Instant etablieLe) {
        h.append("<header>\n<p class=\"programme\">Programme Fabriques de Territoire — fiche du dossier</p>\n<h1>")
                .append(echapper(titre(f))).append("</h1>\n<p class=\"etat\">Statut : <strong>").append(echapper(f.statutLibelle()))
                .append("</strong> · déposé le ").append(date(f.deposeLe())).append(" · dernière étape le ").append(date(f.modifieLe()))
                .append("</p>\n<p class=\"etat\">Fiche établie le ").append(date(etablieLe))
                .append(" d'après les données enregistrées.</p>\n<nav aria-label=\"Parties de la fiche\" class=\"ecran\">\n<ul>\n");
        for (PartieFiche partie : PartieFiche.values()) {
            h.append("<li><a href=\"#").append(ancre(partie)).append("\">").append(echapper(partie.titre())).append("</a></li>\n");
        }
        h.append("</ul>\n</nav>\n</header>\n");
    }

    private void demande(FicheDossier f) {
        FicheDossier.Structure s = f.structure();
        h.append("<h3>Structure</h3>\n");
        cles(new String[][] {
            {"Raison sociale", s.raisonSociale()},
            {"SIRET", s.siret()},
            {"Forme juridique", s.formeJuridiqueLibelle()},
            {"Adresse", s.adresse() + ", " + s.codePostal() + " " + s.commune()},
            {"Commune (code INSEE)", s.commune() + " (" + s.codeInsee() + ")"},
            {"Département", s.departement()},
            {"Région", s.region()},
            {"Quartier prioritaire (QPV)", s.codeQpv() == null || s.codeQpv().isBlank() ? "hors quartier prioritaire" : s.codeQpv()}});
        h.append("<h3>Contact</h3>\n");
        FicheDossier.Contact c = f.contact();
        if (c == null) {
            vide("Contact non renseigné.");
        } else {
            cles(new String[][] {{"Nom", c.nom()}, {"Courriel", c.email()}, {"Téléphone", c.telephone()}});
        }
        h.append("<h3>Projet</h3>\n");
        FicheDossier.Projet p = f.projet();
        if (p == null) {
            vide("Projet non renseigné.");
        } else {
            cles(new String[][] {
                {"Nom du lieu", p.nom()},
                {"Description", p.description()},
                {"Services", p.services().isEmpty() ? "aucun" : String.join(", ", p.services())},
                {"Partenaires", ouNonRenseigne(p.partenaires())},
                {"Gouvernance", ouNonRenseigne(p.gouvernance())},
                {"Emplois financés", FormatsFiche.nombre(p.etpFinances()) + " ETP"}});
        }
        FicheDossier.Demande d = f.demande();
        h.append("<h3>Montants demandés</h3>\n");
        cles(new String[][] {
            {"Appel", d.appelLibelle()},
            {"Catégorie", d.categorieLibelle()},
            {"Vague actuelle", d.vague()}});
        montants(d.montantsDemandes());
    }

    private void pieces(List<FicheDossier.Piece> pieces) {
        if (pieces.isEmpty()) {
            vide("Aucune pièce jointe.");
            return;
        }
        h.append("<table>\n<thead><tr><th>Pièce</th><th>Catégorie</th><th>Type</th><th class=\"montant\">Taille</th><th>Déposée le</th>"
                + "</tr></thead>\n<tbody>\n");
        for (FicheDossier.Piece p : pieces) {
            h.append("<tr><td><a href=\"").append(echapper(p.lien())).append("\">").append(echapper(p.nom())).append("</a></td><td>")
                    .append(echapper(p.categorieLibelle())).append("</td><td>").append(echapper(p.typeLibelle()))
                    .append("</td><td class=\"montant\">").append(echapper(FormatsFiche.taille(p.taille()))).append("</td><td>")
                    .append(date(p.deposeeLe())).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private void completude(FicheDossier.Completude c) {
        if (c == null) {
            vide("Complétude pas encore vérifiée.");
            return;
        }
        String verdict = c.complet() == null ? "pas encore faite" : c.complet() ? "dossier complet" : "incomplet";
        String[][] lignes = c.complet() == null ? new String[][] {{"Vérification", verdict}}
                : new String[][] {{"Vérification", verdict}, {"Par", c.verifieePar()}, {"Le", date(c.verifieeLe())}};
        cles(lignes);
        if (Boolean.FALSE.equals(c.complet())) {
            cles(new String[][] {{"Pièces manquantes", c.piecesManquantes()}});
        }
        if (c.motifsIrrecevabilite() != null) {
            cles(new String[][] {{"Motifs d'irrecevabilité", c.motifsIrrecevabilite()}});
        }
        if (!c.echanges().isEmpty()) {
            h.append("<h3>Échanges avec le porteur</h3>\n<table>\n<thead><tr><th>Le</th><th>Étape</th><th>Par</th><th>Texte</th></tr></thead>\n"
                    + "<tbody>\n");
            for (FicheDossier.Echange e : c.echanges()) {
                h.append("<tr><td>").append(date(e.le())).append("</td><td>").append(echapper(FormatsFiche.etapeCompletude(e.nature())))
                        .append("</td><td>").append(echapper(e.acteur())).append("</td><td class=\"texte\">").append(echapper(e.texte()))
                        .append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
    }

    private void avis(FicheDossier.AvisTerritorial a) {
        if (a == null) {
            vide("Pas encore d'avis.");
            return;
        }
        if (a.absent()) {
            cles(new String[][] {{"Avis", "aucun avis rendu dans le délai : l'instruction s'est poursuivie sans lui"},
                {"Constaté le", date(a.le())}});
            return;
        }
        cles(new String[][] {
            {"Avis", FormatsFiche.avis(a.avis())},
            {"Commentaire", a.commentaire() == null || a.commentaire().isBlank() ? "sans commentaire" : a.commentaire()},
            {"Par", a.par()},
            {"Le", date(a.le())}});
    }

    private void instruction(FicheDossier.Instruction i) {
        if (i == null) {
            vide("Pas encore de proposition d'instruction.");
            return;
        }
        h.append("<h3>Notation</h3>\n<table>\n<thead><tr><th>Critère</th><th class=\"montant\">Note</th><th class=\"montant\">Poids</th>"
                + "</tr></thead>\n<tbody>\n");
        for (FicheDossier.Note n : i.notes()) {
            h.append("<tr><td>").append(echapper(n.libelle())).append("</td><td class=\"montant\">").append(n.note())
                    .append(" / 5</td><td class=\"montant\">").append(n.poids() == null ? "—" : n.poids()).append("</td></tr>\n");
        }
        h.append("</tbody>\n<tfoot><tr><th>Score</th><th class=\"montant\" colspan=\"2\">").append(FormatsFiche.nombre(i.score()))
                .append(" / 100</th></tr></tfoot>\n</table>\n");
        if (!i.poidsEnregistres()) {
            vide("Poids de la grille de notation actuelle : ils n'étaient pas encore enregistrés avec l'instruction.");
        }
        cles(new String[][] {
            {"Recommandation", FormatsFiche.avis(i.recommandation())},
            {"Motivation", i.motivation()},
            {"Instruit par", i.instruitPar()},
            {"Le", date(i.instruitLe())},
            {"Proposition renvoyée", i.renvoyee() ? "oui, " + (i.renvois() == 1 ? "une fois" : i.renvois() + " fois") : "non"}});
        h.append("<h3>Montants proposés</h3>\n");
        montants(i.montantsProposes());
    }

    private void validation(FicheDossier.Validation v) {
        if (v == null) {
            vide("Pas encore de validation.");
            return;
        }
        FicheDossier.DecisionValidation d = v.derniere();
        cles(new String[][] {
            {"Dernière décision", FormatsFiche.validation(d.decision())},
            {"Commentaire", d.commentaire() == null || d.commentaire().isBlank() ? "sans commentaire" : d.commentaire()},
            {"Par", d.par()},
            {"Le", date(d.le())}});
        if (v.enAttente()) {
            vide("Nouvelle proposition en attente de validation.");
        }
        if (v.commentaireRenvoi() != null && "VALIDEE".equals(d.decision())) {
            cles(new String[][] {{"Motif du dernier renvoi", v.commentaireRenvoi()}});
        }
        if (v.historique().size() > 1) {
            h.append("<h3>Historique</h3>\n<table>\n<thead><tr><th>Le</th><th>Décision</th><th>Par</th><th>Commentaire</th></tr></thead>\n"
                    + "<tbody>\n");
            for (FicheDossier.DecisionValidation x : v.historique()) {
                h.append("<tr><td>").append(date(x.le())).append("</td><td>").append(echapper(FormatsFiche.validation(x.decision())))
                        .append("</td><td>").append(echapper(x.par())).append("</td><td class=\"texte\">").append(echapper(x.commentaire()))
                        .append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
    }

    private void comite(FicheDossier.Comite c) {
        if (c == null) {
            vide("Pas encore de décision du comité.");
            return;
        }
        FicheDossier.DecisionComite d = c.derniere();
        cles(new String[][] {
            {"Décision", d.decisionLibelle()},
            {"État", d.publiee() ? "publiée le " + date(d.publieeLe()) + " par " + d.publieePar() : FormatsFiche.etatDecision(d.etat())},
            {"Motivation", ouNonRenseigne(d.motivation())},
            {"Vague", d.vague()},
            {"Saisie par", d.decidePar() + ", le " + date(d.decideLe())}});
        if (d.montantsAccordes() != null) {
            h.append("<h3>Montants accordés</h3>\n");
            montants(d.montantsAccordes());
        }
        if (c.decisions().size() > 1) {
            h.append("<h3>Décisions successives</h3>\n<table>\n<thead><tr><th>Vague</th><th>Décision</th><th>État</th>"
                    + "<th class=\"montant\">Montant total</th><th>Motivation</th><th>Le</th></tr></thead>\n<tbody>\n");
            for (FicheDossier.DecisionComite x : c.decisions()) {
                h.append("<tr><td>").append(echapper(x.vague())).append("</td><td>").append(echapper(x.decisionLibelle())).append("</td><td>")
                        .append(echapper(FormatsFiche.etatDecision(x.etat()))).append("</td><td class=\"montant\">")
                        .append(x.montantsAccordes() == null ? "—" : echapper(euros(x.montantsAccordes().total())))
                        .append("</td><td class=\"texte\">").append(echapper(x.motivation())).append("</td><td>").append(date(x.decideLe()))
                        .append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
    }

    private void convention(FicheDossier.Convention c) {
        if (c == null) {
            vide("Pas de convention établie.");
            return;
        }
        cles(new String[][] {
            {"Référence", c.reference()},
            {"Statut", c.statutLibelle()},
            {"Établie le", date(c.etablieLe())},
            {"Signée par le porteur", c.signeePorteurLe() == null ? "pas encore"
                    : date(c.signeePorteurLe()) + (c.signatairePorteur() == null ? "" : " — " + c.signatairePorteur())},
            {"Signée pour l'État", c.signeeEtatLe() == null ? "pas encore"
                    : date(c.signeeEtatLe()) + (c.signataireEtat() == null ? "" : " — " + c.signataireEtat())},
            {"Soutien complémentaire numérique", c.supplementNumerique() > 0 ? euros(c.supplementNumerique()) : "sans objet"}});
        montants(c.montants());
        if (c.lienConvention() != null || c.lienConventionSignee() != null) {
            h.append("<ul>\n");
            if (c.lienConvention() != null) {
                h.append("<li><a href=\"").append(echapper(c.lienConvention())).append("\">Convention établie (PDF)</a></li>\n");
            }
            if (c.lienConventionSignee() != null) {
                h.append("<li><a href=\"").append(echapper(c.lienConventionSignee())).append("\">Convention signée par le porteur (PDF)</a></li>\n");
            }
            h.append("</ul>\n");
        }
        if (c.decalageMois() > 0) {
            cles(new String[][] {{"Calendrier", "dates anniversaires reportées de " + c.decalageMois() + " mois par avenant"}});
        }
        if (!c.avenants().isEmpty()) {
            h.append("<h3>Avenants</h3>\n<table>\n<thead><tr><th>N°</th><th>Changement</th><th>État</th><th>Proposé</th><th>Validé</th>"
                    + "<th>Signé par le porteur</th><th>Signé pour l'État</th><th>PDF</th></tr></thead>\n<tbody>\n");
            for (FicheDossier.Avenant a : c.avenants()) {
                h.append("<tr><td>").append(a.numero()).append("</td><td>").append(echapper(a.changements())).append("<br>")
                        .append(echapper(a.motif())).append("</td><td>").append(echapper(a.etatLibelle()))
                        .append(a.motifRejet() == null ? "" : " — " + echapper(a.motifRejet())).append("</td><td>")
                        .append(echapper(a.proposePar() + ", " + date(a.proposeLe()))).append("</td><td>")
                        .append(a.validePar() == null ? "" : echapper(a.validePar() + ", " + date(a.valideLe()))).append("</td><td>")
                        .append(a.signePorteurLe() == null ? "" : echapper(a.signatairePorteur() + ", " + date(a.signePorteurLe())))
                        .append("</td><td>").append(a.signeEtatLe() == null ? "" : echapper(a.signeEtatPar() + ", " + date(a.signeEtatLe())))
                        .append("</td><td>");
                if (a.lienAvenant() != null) {
                    h.append("<a href=\"").append(echapper(a.lienAvenant())).append("\">établi</a>");
                }
                if (a.lienAvenantSigne() != null) {
                    h.append(" · <a href=\"").append(echapper(a.lienAvenantSigne())).append("\">signé</a>");
                }
                h.append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
    }

    private void versements(FicheDossier.Versements v) {
        if (v == null) {
            vide("Aucun versement prévu.");
            return;
        }
        h.append("<h3>Versements</h3>\n");
        if (v.versements().isEmpty()) {
            vide("Aucun versement prévu.");
        } else {
            h.append("<table>\n<thead><tr><th>Année</th><th class=\"montant\">Montant</th><th>Statut</th><th>Ordonnancé</th><th>Validé</th><th>Émis le</th>"
                    + "<th>Référence</th></tr></thead>\n<tbody>\n");
            for (FicheDossier.Versement x : v.versements()) {
                h.append("<tr><td>").append(x.annee()).append("</td><td class=\"montant\">").append(echapper(euros(x.montant())))
                        .append("</td><td>").append(echapper(FormatsFiche.statutVersement(x.statut()))).append("</td><td>")
                        .append(x.ordonnanceLe() == null ? "—" : date(x.ordonnanceLe()) + " par " + echapper(x.ordonnancePar()))
                        .append("</td><td>")
                        .append(x.valideLe() == null ? "—" : date(x.valideLe()) + " par " + echapper(x.validePar()))
                        .append("</td><td>").append(x.emisLe() == null ? "—" : date(x.emisLe())).append("</td><td>")
                        .append(x.reference() == null ? "—" : echapper(x.reference())).append("</td></tr>\n");
            }
            h.append("</tbody>\n<tfoot><tr><th>Total versé</th><th class=\"montant\">").append(echapper(euros(v.totalVerse())))
                    .append("</th><th colspan=\"5\"></th></tr></tfoot>\n</table>\n");
        }
        h.append("<h3>Bilans annuels</h3>\n");
        if (v.bilans().isEmpty()) {
            vide("Aucun bilan déposé.");
        } else {
            h.append("<table>\n<thead><tr><th>Année</th><th>Déposé le</th><th>Commentaire du porteur</th><th>Décision</th><th>Motif</th>"
                    + "<th>Par</th></tr></thead>\n<tbody>\n");
            for (FicheDossier.Bilan b : v.bilans()) {
                h.append("<tr><td>").append(b.annee()).append("</td><td>").append(date(b.deposeLe())).append("</td><td class=\"texte\">")
                        .append(echapper(b.commentaire())).append("</td><td>").append(echapper(FormatsFiche.decisionBilan(b.decision())))
                        .append("</td><td class=\"texte\">").append(echapper(b.motif())).append("</td><td>")
                        .append(b.decidePar() == null ? "—" : echapper(b.decidePar()) + ", le " + date(b.decideLe())).append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
        h.append("<h3>Reversements</h3>\n");
        if (v.reversements().isEmpty()) {
            vide("Aucun reversement.");
        } else {
            h.append("<table>\n<thead><tr><th class=\"montant\">Montant</th><th>Motif</th><th>Décidé par</th><th>Le</th></tr></thead>\n<tbody>\n");
            for (FicheDossier.Reversement r : v.reversements()) {
                h.append("<tr><td class=\"montant\">").append(echapper(euros(r.montant()))).append("</td><td class=\"texte\">")
                        .append(echapper(r.motif())).append("</td><td>").append(echapper(r.decidePar())).append("</td><td>")
                        .append(date(r.decideLe())).append("</td></tr>\n");
            }
            h.append("</tbody>\n<tfoot><tr><th class=\"montant\">").append(echapper(euros(v.totalReverse())))
                    .append("</th><th colspan=\"3\">Total reversé</th></tr></tfoot>\n</table>\n");
        }
    }

    private void journal(List<FicheDossier.EntreeJournal> journal) {
        if (journal.isEmpty()) {
            vide("Journal vide.");
            return;
        }
        h.append("<table>\n<thead><tr><th>Le</th><th>Par</th><th>Quoi</th><th>Vu du porteur</th></tr></thead>\n<tbody>\n");
        for (FicheDossier.EntreeJournal e : journal) {
            h.append("<tr").append(e.visiblePorteur() ? "" : " class=\"interne\"").append("><td>").append(date(e.le())).append("</td><td>")
                    .append(echapper(e.acteur())).append("</td><td class=\"texte\">").append(echapper(e.libelle())).append("</td><td>")
                    .append(e.visiblePorteur() ? "oui" : "non (interne)").append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    /** Two columns: a heading and its value (text, escaped here). */
    private void cles(String[][] lignes) {
        h.append("<table class=\"cles\">\n<tbody>\n");
        for (String[] l : lignes) {
            h.append("<tr><th scope=\"row\">").append(echapper(l[0])).append("</th><td class=\"texte\">").append(echapper(l[1]))
                    .append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private void montants(FicheDossier.Montants m) {
        if (m == null) {
            vide("Aucun montant.");
            return;
        }
        h.append("<table>\n<thead><tr><th class=\"montant\">Année 1</th><th class=\"montant\">Année 2</th><th class=\"montant\">Année 3</th>"
                + "<th class=\"montant\">Total</th></tr></thead>\n<tbody><tr>");
        for (int montant : new int[] {m.annee1(), m.annee2(), m.annee3(), m.total()}) {
            h.append("<td class=\"montant\">").append(echapper(euros(montant).replace(' ', '\u00a0'))).append("</td>");
        }
        h.append("</tr></tbody>\n</table>\n");
    }

    private void vide(String message) {
        h.append("<p class=\"vide\">").append(echapper(message)).append("</p>\n");
    }

    private static String ouNonRenseigne(String s) {
        return s == null || s.isBlank() ? "non renseigné" : s;
    }
}
