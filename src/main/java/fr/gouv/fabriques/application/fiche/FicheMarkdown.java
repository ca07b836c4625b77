package fr.gouv.fabriques.application.fiche;

import static fr.gouv.fabriques.application.fiche.FormatsFiche.date;
import static fr.gouv.fabriques.application.fiche.FormatsFiche.euros;
import static fr.gouv.fabriques.application.fiche.FormatsFiche.montants;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Parts of a dossier sheet in French markdown, for a text component of a Camunda Form
 * (form-js 1.8.7 in Tasklist): {@code ###} headings, bullet lists, bold, relative links to the
 * agents' API. No tables: form-js's sanitizer keeps only headings, paragraphs, lists, links,
 * emphasis, quotes and code, and drops a {@code <table>} with all its content.
 *
 * <p>Whatever the applicant or an agent typed is escaped ({@link #texte}): no markdown, HTML or
 * link of theirs reaches the form. The first line always links to the full printable page.
 */
@Component
public class FicheMarkdown {

    /** Characters markdown (marked, GFM) or form-js templates could read as syntax, backslash-escaped. */
    private static final String A_ECHAPPER = "\\`*_{}[]()<>#+-.!|~:&";

    /** The sheet's parts, in the order of {@link PartieFiche} whatever the set's order, under the link to the full page. */
    public String rendre(FicheDossier f, Set<PartieFiche> parties) {
        StringBuilder md = new StringBuilder();
        md.append("[Fiche complète du dossier ").append(f.numero()).append(" ↗](").append(f.lienPage()).append(")\n");
        for (PartieFiche partie : PartieFiche.values()) {
            if (!parties.contains(partie)) {
                continue;
            }
            md.append("\n### ").append(partie.titre()).append("\n\n");
            switch (partie) {
                case DEMANDE -> demande(md, f);
                case PIECES -> pieces(md, f.pieces());
                case COMPLETUDE -> completude(md, f.completude());
                case AVIS_TERRITORIAL -> avis(md, f.avisTerritorial());
                case INSTRUCTION -> instruction(md, f.instruction());
                case VALIDATION -> validation(md, f.validation());
                case COMITE -> comite(md, f.comite());
                case CONVENTION -> convention(md, f.convention());
                case VERSEMENTS -> versements(md, f.versements());
                case JOURNAL -> journal(md, f.journal());
            }
        }
        return md.toString();
    }

    private static void demande(StringBuilder md, FicheDossier f) {
        FicheDossier.Structure s = f.structure();
        puce(md, "Structure", texte(s.raisonSociale()) + " (" + texte(s.formeJuridiqueLibelle()) + "), SIRET " + texte(s.siret()));
        puce(md, "Adresse", texte(s.adresse()) + ", " + texte(s.codePostal()) + " " + texte(s.commune()) + " (INSEE " + texte(s.codeInsee())
                + ") — département " + texte(s.departement()) + ", région " + texte(s.region()));
        puce(md, "QPV", s.codeQpv() == null || s.codeQpv().isBlank() ? "hors quartier prioritaire" : texte(s.codeQpv()));
        FicheDossier.Contact c = f.contact();
        puce(md, "Contact", c == null ? "non renseigné" : texte(c.nom()) + " — " + texte(c.email()) + " — " + texte(c.telephone()));
        FicheDossier.Projet p = f.projet();
        if (p != null) {
            puce(md, "Projet", texte(p.nom()));
            puce(md, "Description", texte(p.description()));
            puce(md, "Services", p.services().isEmpty() ? "aucun" : texte(String.join(", ", p.services())));
            puce(md, "Partenaires", texteOuVide(p.partenaires()));
            puce(md, "Gouvernance", texteOuVide(p.gouvernance()));
            puce(md, "Emplois financés", FormatsFiche.nombre(p.etpFinances()) + " ETP");
        }
        FicheDossier.Demande d = f.demande();
        puce(md, "Appel", texte(d.appelLibelle()) + " — catégorie : " + texte(d.categorieLibelle()));
        puce(md, "Vague", texte(d.vague()) + " — statut du dossier : " + texte(f.statutLibelle()) + ", déposé le " + date(f.deposeLe()));
        puce(md, "Montants demandés", montants(d.montantsDemandes()));
    }

    private static void pieces(StringBuilder md, List<FicheDossier.Piece> pieces) {
        if (pieces.isEmpty()) {
            vide(md, "Aucune pièce jointe.");
            return;
        }
        for (FicheDossier.Piece p : pieces) {
            md.append("- [").append(texte(p.nom())).append("](").append(p.lien()).append(") — ").append(texte(p.categorieLibelle()))
                    .append(", ").append(p.typeLibelle()).append(", ").append(FormatsFiche.taille(p.taille())).append(", déposée le ")
                    .append(date(p.deposeeLe())).append('\n');
        }
    }

    private static void completude(StringBuilder md, FicheDossier.Completude c) {
        if (c == null) {
            vide(md, "Complétude pas encore vérifiée.");
            return;
        }
        if (c.motifsIrrecevabilite() != null) {
            puce(md, "Irrecevable", texte(c.motifsIrrecevabilite()));
        }
        if (c.complet() == null) {
            puce(md, "Vérification", "pas encore faite");
        } else if (c.complet()) {
            puce(md, "Vérification", "**dossier complet** — par " + texte(c.verifieePar()) + ", le " + date(c.verifieeLe()));
        } else {
            puce(md, "Vérification", "**incomplet** — par " + texte(c.verifieePar()) + ", le " + date(c.verifieeLe()));
            puce(md, "Pièces manquantes", texte(c.piecesManquantes()));
        }
        for (FicheDossier.Echange e : c.echanges()) {
            md.append("- ").append(date(e.le())).append(" — ").append(FormatsFiche.etapeCompletude(e.nature())).append(acteur(e.acteur()))
                    .append(" : ").append(texte(e.texte())).append('\n');
        }
    }

    private static void avis(StringBuilder md, FicheDossier.AvisTerritorial a) {
        if (a == null) {
            vide(md, "Pas encore d'avis.");
            return;
        }
        if (a.absent()) {
            puce(md, "Avis", "**aucun avis rendu dans le délai** (constaté le " + date(a.le()) + ") : l'instruction s'est poursuivie sans lui");
            return;
        }
        puce(md, "Avis", "**" + FormatsFiche.avis(a.avis()) + "** — par " + texte(a.par()) + ", le " + date(a.le()));
        puce(md, "Commentaire", a.commentaire() == null || a.commentaire().isBlank() ? "_sans commentaire_" : texte(a.commentaire()));
    }

    private static void instruction(StringBuilder md, FicheDossier.Instruction i) {
        if (i == null) {
            vide(md, "Pas encore de proposition d'instruction.");
            return;
        }
        puce(md, "Score", "**" + FormatsFiche.nombre(i.score()) + " / 100** — recommandation **" + FormatsFiche.avis(i.recommandation())
                + "**");
        for (FicheDossier.Note n : i.notes()) {
            md.append("  - ").append(n.libelle()).append(" : **").append(n.note()).append(" / 5**")
                    .append(n.poids() == null ? "" : " (poids " + n.poids() + ")").append('\n');
        }
        if (!i.poidsEnregistres()) {
            md.append("  - _Poids de la grille de notation actuelle : ils n'étaient pas encore enregistrés avec l'instruction._\n");
        }
        puce(md, "Montants proposés", montants(i.montantsProposes()));
        puce(md, "Motivation", texte(i.motivation()));
        puce(md, "Instruit par", texte(i.instruitPar()) + ", le " + date(i.instruitLe()));
        if (i.renvoyee()) {
            puce(md, "Proposition renvoyée", i.renvois() == 1 ? "une fois à l'instructeur" : i.renvois() + " fois à l'instructeur");
        }
    }

    private static void validation(StringBuilder md, FicheDossier.Validation v) {
        if (v == null) {
            vide(md, "Pas encore de validation.");
            return;
        }
        FicheDossier.DecisionValidation d = v.derniere();
        puce(md, "Décision", "**" + FormatsFiche.validation(d.decision()) + "** — par " + texte(d.par()) + ", le " + date(d.le()));
        if (d.commentaire() != null && !d.commentaire().isBlank()) {
            puce(md, "VALIDEE".equals(d.decision()) ? "Commentaire" : "À revoir", texte(d.commentaire()));
        }
        if (v.enAttente()) {
            vide(md, "Nouvelle proposition en attente de validation.");
        }
        for (FicheDossier.DecisionValidation h : v.historique().subList(0, v.historique().size() - 1)) {
            if ("A_REVOIR".equals(h.decision())) {
                puce(md, "Renvoyée à l'instructeur", "le " + date(h.le()) + " par " + texte(h.par()) + " : " + texteOuVide(h.commentaire()));
            }
        }
    }

    private static void comite(StringBuilder md, FicheDossier.Comite c) {
        if (c == null) {
            vide(md, "Pas encore de décision du comité.");
            return;
        }
        FicheDossier.DecisionComite d = c.derniere();
        puce(md, "Décision", "**" + texte(d.decisionLibelle()) + "** — " + (d.publiee()
                ? "publiée le " + date(d.publieeLe()) + " par " + texte(d.publieePar())
                : "**" + FormatsFiche.etatDecision(d.etat()) + "**"));
        if (d.montantsAccordes() != null) {
            puce(md, "Montants accordés", montants(d.montantsAccordes()));
        }
        puce(md, "Motivation", texteOuVide(d.motivation()));
        puce(md, "Vague", texte(d.vague()) + " — décision saisie par " + texte(d.decidePar()) + ", le " + date(d.decideLe()));
        for (FicheDossier.DecisionComite avant : c.decisions().subList(0, c.decisions().size() - 1)) {
            puce(md, "Auparavant", texte(avant.decisionLibelle()) + " (vague " + texte(avant.vague()) + ", "
                    + FormatsFiche.etatDecision(avant.etat()) + ")" + (avant.motivation() == null ? "" : " : " + texte(avant.motivation())));
        }
    }

    private static void convention(StringBuilder md, FicheDossier.Convention c) {
        if (c == null) {
            vide(md, "Pas de convention établie.");
            return;
        }
        puce(md, "Référence", c.reference() + " — " + texte(c.statutLibelle()));
        puce(md, "Montants", montants(c.montants()) + (c.supplementNumerique() > 0
                ? " ; soutien complémentaire numérique : " + euros(c.supplementNumerique()) : ""));
        puce(md, "Établie le", date(c.etablieLe()));
        if (c.signeePorteurLe() != null) {
            puce(md, "Signée par le porteur", "le " + date(c.signeePorteurLe()) + (c.signatairePorteur() == null ? ""
                    : " (" + texte(c.signatairePorteur()) + ")"));
        }
        if (c.signeeEtatLe() != null) {
            puce(md, "Signée pour l'État", "le " + date(c.signeeEtatLe()) + (c.signataireEtat() == null ? "" : " (" + texte(c.signataireEtat()) + ")"));
        }
        if (c.lienConvention() != null) {
            md.append("- [Convention établie (PDF)](").append(c.lienConvention()).append(")\n");
        }
        if (c.lienConventionSignee() != null) {
            md.append("- [Convention signée par le porteur (PDF)](").append(c.lienConventionSignee()).append(")\n");
        }
        if (c.decalageMois() > 0) {
            puce(md, "Calendrier", "dates anniversaires reportées de " + c.decalageMois() + " mois par avenant");
        }
        for (FicheDossier.Avenant a : c.avenants()) {
            md.append("- **Avenant n°").append(a.numero()).append("** — ").append(texte(a.etatLibelle())).append(" : ")
                    .append(texte(a.changements())).append(" ; proposé par ").append(texte(a.proposePar())).append(" le ")
                    .append(date(a.proposeLe()));
            if (a.validePar() != null) {
                md.append(", validé par ").append(texte(a.validePar()));
            }
            if (a.rejetePar() != null) {
                md.append(", rejeté par ").append(texte(a.rejetePar())).append(" (").append(texte(a.motifRejet())).append(")");
            }
            if (a.appliqueLe() != null) {
                md.append(", appliqué le ").append(date(a.appliqueLe()));
            }
            if (a.lienAvenant() != null) {
                md.append(" — [PDF](").append(a.lienAvenant()).append(")");
            }
            if (a.lienAvenantSigne() != null) {
                md.append(" — [signé par le porteur](").append(a.lienAvenantSigne()).append(")");
            }
            md.append("\n");
        }
    }

    private static void versements(StringBuilder md, FicheDossier.Versements v) {
        if (v == null) {
            vide(md, "Aucun versement prévu.");
            return;
        }
        for (FicheDossier.Versement x : v.versements()) {
            String etat = switch (x.statut()) {
                case "EMIS" -> "émis le " + date(x.emisLe()) + (x.reference() == null ? "" : " (réf. " + texte(x.reference()) + ")")
                        + (x.ordonnancePar() == null ? "" : ", ordonnancé par " + texte(x.ordonnancePar()))
                        + (x.validePar() == null ? "" : ", validé par " + texte(x.validePar()));
                case "ORDONNANCE" -> "ordonnancé le " + date(x.ordonnanceLe()) + " par " + texte(x.ordonnancePar()) + ", à valider";
                case "VALIDE" -> "ordonnancé par " + texte(x.ordonnancePar()) + ", validé le " + date(x.valideLe()) + " par "
                        + texte(x.validePar()) + ", à émettre";
                default -> "prévu";
            };
            puce(md, "Versement année " + x.annee(), euros(x.montant()) + " — " + etat);
        }
        for (FicheDossier.Bilan b : v.bilans()) {
            String examen = b.decision() == null ? "en cours d'examen"
                    : FormatsFiche.decisionBilan(b.decision()) + " par " + texte(b.decidePar()) + ", le " + date(b.decideLe())
                            + (b.motif() == null || b.motif().isBlank() ? "" : " : " + texte(b.motif()));
            puce(md, "Bilan année " + b.annee(), "déposé le " + date(b.deposeLe()) + " — " + examen);
        }
        for (FicheDossier.Reversement r : v.reversements()) {
            puce(md, "Reversement", euros(r.montant()) + " — décidé le " + date(r.decideLe()) + " par " + texte(r.decidePar()) + " : "
                    + texte(r.motif()));
        }
        puce(md, "Total versé", euros(v.totalVerse()) + (v.totalReverse() > 0 ? " ; reversé : " + euros(v.totalReverse()) : ""));
    }

    private static void journal(StringBuilder md, List<FicheDossier.EntreeJournal> journal) {
        if (journal.isEmpty()) {
            vide(md, "Journal vide.");
            return;
        }
        for (FicheDossier.EntreeJournal e : journal) {
            md.append("- ").append(date(e.le())).append(acteur(e.acteur())).append(" : ").append(texte(e.libelle()))
                    .append(e.visiblePorteur() ? "" : " _(interne)_").append('\n');
        }
    }

    private static void puce(StringBuilder md, String libelle, String valeur) {
        md.append("- **").append(libelle).append("** : ").append(valeur).append('\n');
    }

    private static void vide(StringBuilder md, String message) {
        md.append('_').append(message).append("_\n");
    }

    private static String acteur(String acteur) {
        return acteur == null || acteur.isBlank() ? "" : " (" + texte(acteur) + ")";
    }

    private static String texteOuVide(String s) {
        return s == null || s.isBlank() ? "_non renseigné_" : texte(s);
    }

    /**
     * Text someone typed, shown as text: every character markdown or a form template could read is
     * backslash-escaped (so no emphasis, link, HTML, autolink, list or heading of theirs); line
     * breaks are kept as hard breaks, indented to stay inside a list item.
     */
    static String texte(String s) {
        if (s == null) {
            return "—";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        boolean debutLigne = true;
        for (String ligne : s.strip().split("\\R+")) {
            String l = ligne.strip();
            if (l.isEmpty()) {
                continue;
            }
            if (!debutLigne) {
                sb.append("  \n  ");
            }
            debutLigne = false;
            for (int i = 0; i < l.length(); i++) {
                char c = l.charAt(i);
                if (A_ECHAPPER.indexOf(c) >= 0) {
                    sb.append('\\');
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
