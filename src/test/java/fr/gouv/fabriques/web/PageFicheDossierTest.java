package fr.gouv.fabriques.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.fabriques.application.fiche.FicheDossier;
import fr.gouv.fabriques.application.fiche.Fiches;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The printable page of a sheet: French, self-contained, every value escaped. */
class PageFicheDossierTest {

    @Test
    void pageFrancaiseImprimableSansRessourceExterne() {
        String html = PageFicheDossier.html(Fiches.complete(), Fiches.LE_10_MARS);
        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"fr\">")
                .contains("<title>Dossier FDT-2026-0001 — Association La Fabrique du Val</title>")
                .contains("@media print").contains("section.saut { break-before: page; }").contains("nav, .ecran { display: none; }")
                .contains("Fiche établie le 10 mars 2026 à 9 h 30")
                .doesNotContain("<script").doesNotContain("http://").doesNotContain("https://").doesNotContain("<link");
        for (String id : List.of("demande", "pieces", "completude", "avis-territorial", "instruction", "validation", "comite", "convention",
                "versements", "journal")) {
            assertThat(html).contains("<section id=\"" + id + "\"").contains("<a href=\"#" + id + "\">");
        }
        assertThat(html).contains("<section id=\"instruction\" class=\"saut\">").contains("<section id=\"journal\" class=\"saut\">");
    }

    @Test
    void chaquePartie() {
        String html = PageFicheDossier.html(Fiches.complete(), Fiches.LE_10_MARS);
        assertThat(html).contains("<th scope=\"row\">SIRET</th><td class=\"texte\">73282932000074</td>")
                .contains("<td class=\"montant\">140\u00a0000\u00a0€</td>")
                .contains("<a href=\"/api/agents/dossiers/FDT-2026-0001/pieces/12\">statuts.pdf</a>")
                .contains("Demande de compléments")
                .contains("<td>Gouvernance et animation par un collectif identifié</td><td class=\"montant\">4 / 5</td><td class=\"montant\">20</td>")
                .contains("76,0 / 100")
                .contains("Revoir les montants de l&#39;année 3")
                .contains("publiée le 10 mars 2026 à 9 h 30 par gestionnaire")
                .contains("<a href=\"/api/agents/dossiers/FDT-2026-0001/convention/signee\">Convention signée par le porteur (PDF)</a>")
                .contains("VIR-FDT-2026-0001-1").contains("Dépenses non justifiées")
                .contains("<tr class=\"interne\">");
    }

    @Test
    void partiesPasEncoreAtteintes() {
        String html = PageFicheDossier.html(Fiches.deposee(), Fiches.LE_3_MARS);
        assertThat(html).contains("Aucune pièce jointe.").contains("Complétude pas encore vérifiée.").contains("Pas encore d&#39;avis.")
                .contains("Pas encore de proposition d&#39;instruction.").contains("Pas encore de décision du comité.")
                .contains("Pas de convention établie.").contains("Aucun versement prévu.").contains("Journal vide.");
    }

    @Test
    void ceQuiASaisiEstEchappe() {
        FicheDossier f = Fiches.deposee();
        FicheDossier g = new FicheDossier(f.numero(), f.statut(), f.statutLibelle(), f.deposeLe(), f.modifieLe(),
                Fiches.structure("<script>alert('x')</script> & \"Cie\""), f.contact(), f.projet(), f.demande(), f.pieces(), f.completude(),
                f.avisTerritorial(), f.instruction(), f.validation(), f.comite(), f.convention(), f.versements(), f.journal());
        String html = PageFicheDossier.html(g, Fiches.LE_3_MARS);
        assertThat(html).doesNotContain("<script>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Cie&quot;");
    }

    @Test
    void laFeuilleDeStyleEstPermiseParSonEmpreinte() throws Exception {
        String attendue = "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(PageHtml.CSS.getBytes(StandardCharsets.UTF_8)));
        assertThat(PageHtml.CSP).contains("style-src '" + attendue + "'").startsWith("default-src 'none'");
        assertThat(PageHtml.document("t", "")).contains("<style>" + PageHtml.CSS + "</style>");
    }
}
