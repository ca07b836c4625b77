package fr.gouv.fabriques.application.fiche;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sheet as Tasklist shows it: each part, what the applicant typed kept as text, and the empty states. */
class FicheMarkdownTest {

    private final FicheMarkdown markdown = new FicheMarkdown();

    private String rendre(FicheDossier f, PartieFiche... parties) {
        return markdown.rendre(f, parties.length == 0 ? EnumSet.noneOf(PartieFiche.class) : EnumSet.of(parties[0], parties));
    }

    @Test
    void laPremiereLigneMeneToujoursALaFicheComplete() {
        for (Set<PartieFiche> parties : List.of(EnumSet.noneOf(PartieFiche.class), EnumSet.of(PartieFiche.JOURNAL),
                EnumSet.allOf(PartieFiche.class))) {
            assertThat(markdown.rendre(Fiches.complete(), parties).lines().findFirst().orElseThrow())
                    .isEqualTo("[Fiche complète du dossier FDT-2026-0001 ↗](/agents/dossiers/FDT-2026-0001)");
        }
    }

    @Test
    void lesPartiesSuiventLOrdreDeLaFicheAvecUnTitreChacune() {
        String md = markdown.rendre(Fiches.complete(), Set.of(PartieFiche.JOURNAL, PartieFiche.DEMANDE, PartieFiche.INSTRUCTION));
        assertThat(md).contains("### Demande").contains("### Instruction").contains("### Journal du dossier")
                .doesNotContain("### Pièces jointes").doesNotContain("### Comité");
        assertThat(md.indexOf("### Demande")).isLessThan(md.indexOf("### Instruction"));
        assertThat(md.indexOf("### Instruction")).isLessThan(md.indexOf("### Journal du dossier"));
        assertThat(md).as("pas de tableau : form-js le retirerait").doesNotContain("|---");
    }

    @Test
    void demande() {
        String md = rendre(Fiches.complete(), PartieFiche.DEMANDE);
        assertThat(md).contains("- **Structure** : Association La Fabrique du Val (association), SIRET 73282932000074")
                .contains("12 rue des Forges, 58000 Nevers (INSEE 58194) — département 58, région 27")
                .contains("- **QPV** : hors quartier prioritaire")
                .contains("Camille Martin — camille@fabrique\\-du\\-val\\.fr — 0386000000")
                .contains("- **Services** : COWORKING, ATELIER\\_PARTAGE")
                .contains("- **Partenaires** : _non renseigné_")
                .contains("- **Emplois financés** : 1,5 ETP")
                .contains("catégorie : Fabrique de territoire hors grands centres urbains")
                .contains("- **Vague** : FDT\\-2026\\-T2")
                .contains("- **Montants demandés** : 50 000 € + 50 000 € + 40 000 € = 140 000 €")
                .contains("déposé le 3 mars 2026 à 14 h 05");
    }

    @Test
    void piecesEnLiensVersLApiDesAgents() {
        assertThat(rendre(Fiches.complete(), PartieFiche.PIECES))
                .contains("- [statuts\\.pdf](/api/agents/dossiers/FDT-2026-0001/pieces/12) — statuts, PDF, 120 Ko, déposée le 3 mars 2026 à 14 h 05");
    }

    @Test
    void completudeAvecSesEchanges() {
        String md = rendre(Fiches.complete(), PartieFiche.COMPLETUDE);
        assertThat(md).contains("- **Vérification** : **dossier complet** — par instructeur, le 10 mars 2026 à 9 h 30")
                .contains("- 3 mars 2026 à 14 h 05 — Demande de compléments (instructeur) : Pièces demandées \\: RIB")
                .contains("- 3 mars 2026 à 14 h 05 — Réponse du porteur (porteur) : Compléments reçus \\: RIB joint");
    }

    @Test
    void avisInstructionValidationComite() {
        FicheDossier f = Fiches.complete();
        assertThat(rendre(f, PartieFiche.AVIS_TERRITORIAL)).contains("- **Avis** : **réservé** — par referent\\-58, le 10 mars 2026 à 9 h 30")
                .contains("- **Commentaire** : Besoin local peu documenté");
        assertThat(rendre(f, PartieFiche.INSTRUCTION)).contains("- **Score** : **76,0 / 100** — recommandation **favorable**")
                .contains("  - Gouvernance et animation par un collectif identifié : **4 / 5** (poids 20)")
                .contains("- **Montants proposés** : 50 000 € + 50 000 € + 50 000 € = 150 000 €")
                .contains("- **Motivation** : Projet solide et bien ancré")
                .contains("- **Proposition renvoyée** : une fois à l'instructeur")
                .doesNotContain("grille de notation actuelle");
        assertThat(rendre(f, PartieFiche.VALIDATION)).contains("- **Décision** : **validée** — par gestionnaire, le 10 mars 2026 à 9 h 30")
                .contains("- **Renvoyée à l'instructeur** : le 3 mars 2026 à 14 h 05 par gestionnaire2 : Revoir les montants de l'année 3");
        assertThat(rendre(f, PartieFiche.COMITE)).contains("- **Décision** : **lauréat** — publiée le 10 mars 2026 à 9 h 30 par gestionnaire")
                .contains("- **Montants accordés** : 50 000 € + 50 000 € + 50 000 € = 150 000 €")
                .contains("- **Motivation** : Projet exemplaire")
                .contains("- **Auparavant** : ajourné à la vague suivante (vague FDT\\-2026\\-T2, publiée) : Attendre le budget");
    }

    @Test
    void uneDecisionSeulementProposeeLeDit() {
        FicheDossier f = Fiches.complete();
        FicheDossier.DecisionComite proposee = new FicheDossier.DecisionComite("FDT-2026-T3", "REFUSE", "refusé", "PROPOSEE", null,
                "Modèle économique fragile", "comite", Fiches.LE_10_MARS, null, null);
        FicheDossier g = avec(f, new FicheDossier.Comite(proposee, List.of(proposee)));
        assertThat(rendre(g, PartieFiche.COMITE)).contains("- **Décision** : **refusé** — **proposée par le comité, pas encore publiée**")
                .doesNotContain("Montants accordés");
    }

    @Test
    void conventionEtVersements() {
        FicheDossier f = Fiches.complete();
        assertThat(rendre(f, PartieFiche.CONVENTION)).contains("- **Référence** : CONV-FDT-2026-0001 — signée par les deux parties")
                .contains("- [Convention établie (PDF)](/api/agents/dossiers/FDT-2026-0001/convention)")
                .contains("- [Convention signée par le porteur (PDF)](/api/agents/dossiers/FDT-2026-0001/convention/signee)")
                .contains("- **Signée par le porteur** : le 10 mars 2026 à 9 h 30 (Camille Martin, présidente)");
        assertThat(rendre(f, PartieFiche.VERSEMENTS))
                .contains("- **Versement année 1** : 50 000 € — émis le 10 mars 2026 à 9 h 30 (réf. VIR\\-FDT\\-2026\\-0001\\-1)")
                .contains("- **Versement année 2** : 50 000 € — prévu")
                .contains("- **Bilan année 1** : déposé le 10 mars 2026 à 9 h 30 — approuvé par instructeur")
                .contains("- **Reversement** : 10 000 € — décidé le 10 mars 2026 à 9 h 30 par gestionnaire : Dépenses non justifiées")
                .contains("- **Total versé** : 50 000 € ; reversé : 10 000 €");
    }

    @Test
    void journal() {
        assertThat(rendre(Fiches.complete(), PartieFiche.JOURNAL)).contains("- 3 mars 2026 à 14 h 05 (porteur) : Dossier déposé\n")
                .contains("(gestionnaire) : Proposition renvoyée à l'instructeur \\: Revoir les montants de l'année 3 _(interne)_");
    }

    @Test
    void partiesPasEncoreAtteintes() {
        String md = markdown.rendre(Fiches.deposee(), EnumSet.allOf(PartieFiche.class));
        assertThat(md).contains("_Aucune pièce jointe._").contains("_Complétude pas encore vérifiée._").contains("_Pas encore d'avis._")
                .contains("_Pas encore de proposition d'instruction._").contains("_Pas encore de validation._")
                .contains("_Pas encore de décision du comité._").contains("_Pas de convention établie._")
                .contains("_Aucun versement prévu._").contains("_Journal vide._");
    }

    @Test
    void absenceDAvisConstatee() {
        FicheDossier f = Fiches.deposee();
        FicheDossier g = new FicheDossier(f.numero(), f.statut(), f.statutLibelle(), f.deposeLe(), f.modifieLe(), f.structure(), f.contact(),
                f.projet(), f.demande(), f.pieces(), f.completude(),
                new FicheDossier.AvisTerritorial(null, true, null, null, Fiches.LE_10_MARS), null, null, null, null, null, f.journal());
        assertThat(rendre(g, PartieFiche.AVIS_TERRITORIAL))
                .contains("**aucun avis rendu dans le délai** (constaté le 10 mars 2026 à 9 h 30)");
    }

    @Test
    void poidsDeLaGrilleActuelleSignales() {
        FicheDossier f = Fiches.complete();
        FicheDossier.Instruction i = f.instruction();
        FicheDossier g = avecInstruction(f, new FicheDossier.Instruction(i.notes(), false, i.score(), i.recommandation(),
                i.montantsProposes(), i.motivation(), i.instruitPar(), i.instruitLe(), 0));
        assertThat(rendre(g, PartieFiche.INSTRUCTION)).contains("_Poids de la grille de notation actuelle")
                .doesNotContain("Proposition renvoyée");
    }

    @Test
    void ceQueLePorteurASaisiResteDuTexte() {
        FicheDossier f = Fiches.deposee();
        String piege = "A | B *gras* _it_ <script>alert(1)</script> [lien](http://x.example) ![img](y) `code` # titre ~barré~ {{numero}} & &lt;";
        FicheDossier g = new FicheDossier(f.numero(), f.statut(), f.statutLibelle(), f.deposeLe(), f.modifieLe(),
                Fiches.structure(piege), f.contact(),
                new FicheDossier.Projet("Nom", "Ligne 1\n\n- pas une liste\n# pas un titre\n1. pas une liste numérotée", List.of(), null, null,
                        null),
                f.demande(), f.pieces(), f.completude(), f.avisTerritorial(), f.instruction(), f.validation(), f.comite(), f.convention(),
                f.versements(), f.journal());
        String md = rendre(g, PartieFiche.DEMANDE);
        assertThat(md).contains("A \\| B \\*gras\\* \\_it\\_ \\<script\\>alert\\(1\\)\\</script\\> \\[lien\\]\\(http\\:"
                + "//x\\.example\\) \\!\\[img\\]\\(y\\) \\`code\\` \\# titre \\~barré\\~ \\{\\{numero\\}\\} \\& \\&lt;");
        assertThat(md).doesNotContain("<script>").doesNotContain("](http");
        // Line breaks are kept inside the list item; no line of the applicant starts a block.
        assertThat(md).contains("- **Description** : Ligne 1  \n  \\- pas une liste  \n  \\# pas un titre  \n  1\\. pas une liste numérotée\n");
    }

    @Test
    void datesEnFrancaisHeureDeParis() {
        assertThat(FormatsFiche.date(Instant.parse("2026-03-03T13:05:00Z"))).isEqualTo("3 mars 2026 à 14 h 05");
        assertThat(FormatsFiche.date(Instant.parse("2026-07-01T07:00:00Z"))).isEqualTo("1er juillet 2026 à 9 h 00");
        assertThat(FormatsFiche.date(null)).isEqualTo("—");
        assertThat(FormatsFiche.euros(1_234_567)).isEqualTo("1 234 567 €");
    }

    private static FicheDossier avec(FicheDossier f, FicheDossier.Comite comite) {
        return new FicheDossier(f.numero(), f.statut(), f.statutLibelle(), f.deposeLe(), f.modifieLe(), f.structure(), f.contact(), f.projet(),
                f.demande(), f.pieces(), f.completude(), f.avisTerritorial(), f.instruction(), f.validation(), comite, f.convention(),
                f.versements(), f.journal());
    }

    private static FicheDossier avecInstruction(FicheDossier f, FicheDossier.Instruction instruction) {
        return new FicheDossier(f.numero(), f.statut(), f.statutLibelle(), f.deposeLe(), f.modifieLe(), f.structure(), f.contact(), f.projet(),
                f.demande(), f.pieces(), f.completude(), f.avisTerritorial(), instruction, f.validation(), f.comite(), f.convention(),
                f.versements(), f.journal());
    }
}
