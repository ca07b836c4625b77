package fr.gouv.fabriques.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.gouv.fabriques.application.Delais;
import fr.gouv.fabriques.application.convention.ContenuConvention;
import fr.gouv.fabriques.application.convention.ConventionProperties;
import fr.gouv.fabriques.domain.Adresse;
import fr.gouv.fabriques.domain.Appel;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.Contact;
import fr.gouv.fabriques.domain.Convention;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.FormeJuridique;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.PlafondsFinancement;
import fr.gouv.fabriques.domain.Projet;
import fr.gouv.fabriques.domain.Siret;
import fr.gouv.fabriques.domain.StatutConvention;
import fr.gouv.fabriques.domain.StatutDossier;
import fr.gouv.fabriques.domain.Structure;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The real template (src/main/resources/convention/modele-convention.txt) filled for a dossier
 * and read back from the PDF: parties, amounts the French way, the numérique supplement.
 * Writes target/convention-exemple.pdf and target/convention-exemple-numerique.pdf to look at.
 */
class ConventionPdfTest {

    static final PlafondsFinancement PLAFONDS = new PlafondsFinancement(75_000, 150_000, 50_000, 100_000);
    static final Delais DELAIS = new Delais("P15D", "P21D", "P60D", "P45D", "P1Y", "P30D", "P6M", "P30D", "P60D", "P10D");
    static final Instant ETABLIE = Instant.parse("2026-03-01T09:00:00Z");

    static Dossier dossier(Categorie categorie, String codeQpv) {
        Appel appel = categorie.appel();
        return new Dossier(42L, appel.prefixe() + "-2026-0042", appel, appel.prefixe() + "-2026-03", categorie,
                new Structure("Association La Fabrique du Val", new Siret("73282932000074"), FormeJuridique.ASSOCIATION,
                        new Adresse("12 rue des Forges", "58000", "Nevers", "58194", "58", "27"), codeQpv),
                new Contact("Camille Martin", "camille@fabrique-du-val.fr", "0386000000"),
                new Projet("La Fabrique du Val", "Tiers-lieu rural", List.of("COWORKING"), "CAF", "Collège des usagers",
                        new BigDecimal("1.5")),
                new MontantsAnnuels(50_000, 50_000, 40_000), StatutDossier.LAUREAT, ETABLIE, ETABLIE, 0);
    }

    static Convention convention(MontantsAnnuels montants, int supplement) {
        return new Convention(42L, montants, supplement, ETABLIE, null, null, null, StatutConvention.A_SIGNER);
    }

    static EditeurConventionPdf editeur() {
        return new EditeurConventionPdf(new ConventionProperties("le ministre chargé de la cohésion des territoires, ou son délégué",
                "classpath:convention/modele-convention.txt"), new DefaultResourceLoader());
    }

    static String texte(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            return s.getText(d).replace('\u00a0', ' ').replaceAll("\\s+", " ");
        }
    }

    @Test
    void laConventionNommeLesPartiesEtLesMontantsParAnneeALaFrancaise() throws IOException {
        ContenuConvention contenu = ContenuConvention.de(dossier(Categorie.QPV, "QP058001"),
                convention(new MontantsAnnuels(50_000, 50_000, 40_000), 0), PLAFONDS, DELAIS, "le ministre chargé de la cohésion des territoires, ou son délégué");
        byte[] pdf = editeur().editer(contenu);
        Files.write(Path.of("target", "convention-exemple.pdf"), pdf);
        String t = texte(pdf);
        assertThat(t).contains("Convention de financement").contains("Référence : CONV-FDT-2026-0042")
                .contains("L'État, programme « Fabriques de Territoire », représenté par le ministre chargé de la cohésion des territoires")
                .contains("Association La Fabrique du Val, association, SIRET 73282932000074")
                .contains("12 rue des Forges, 58000 Nevers")
                .contains("Fabrique « La Fabrique du Val »").contains("Fabrique de territoire en quartier prioritaire")
                .contains("quartier prioritaire de la politique de la ville QP058001")
                .contains("vague FDT-2026-03")
                .contains("Année 1 50 000 €").contains("Année 2 50 000 €").contains("Année 3 40 000 €")
                .contains("Total sur trois ans 140 000 €")
                .contains("année 1 : 50 000 €, à la signature de la convention par l'État")
                .contains("année 2 : 50 000 €, à la première date anniversaire")
                .contains("rapport d'activité").contains("compte rendu financier").contains("bilan final")
                .contains("trois ans")
                .contains("60 jours").contains("au plus tard le 30 avril 2026")
                .contains("Pour le porteur").contains("Pour l'État")
                .contains("établie le 1er mars 2026")
                .doesNotContain("100 000 €").doesNotContain("soutien complémentaire");
        int pages;
        try (PDDocument d = Loader.loadPDF(pdf)) {
            pages = d.getNumberOfPages();
            assertThat(d.getDocumentInformation().getTitle()).isEqualTo("Convention CONV-FDT-2026-0042");
        }
        assertThat(pages).isBetween(2, 5);
        assertThat(t).contains("page 1 / " + pages).contains("page " + pages + " / " + pages);
    }

    @Test
    void uneFabriqueNumeriqueRecoitLeSoutienComplementaireDe100000EurosAvecLaPremiereAnnuite() throws IOException {
        ContenuConvention contenu = ContenuConvention.de(dossier(Categorie.NUMERIQUE_QPV, "QP058001"),
                convention(new MontantsAnnuels(50_000, 50_000, 50_000), 100_000), PLAFONDS, DELAIS, "le préfet de la Nièvre");
        byte[] pdf = editeur().editer(contenu);
        Files.write(Path.of("target", "convention-exemple-numerique.pdf"), pdf);
        String t = texte(pdf);
        assertThat(t).contains("CONV-FNT-2026-0042").contains("Fabrique numérique de territoire (QPV)")
                .contains("Total sur trois ans 150 000 €")
                .contains("soutien complémentaire de 100 000 €")
                .contains("L'aide totale de l'État s'élève ainsi à 250 000 €")
                .contains("année 1 : 150 000 € (annuité de 50 000 € et soutien complémentaire de 100 000 €)")
                .contains("plafond annuel du programme, 50 000 €")
                .contains("représenté par le préfet de la Nièvre");
    }

    @Test
    void unModeleDonneParFichierRemplaceCeluiDuClasspathEtUneErreurEmpecheLeDemarrage(@TempDir Path dossier) throws IOException {
        Path modele = dossier.resolve("modele.txt");
        Files.writeString(modele, "@pied {reference} — {page}/{pages}\n# Convention {reference}\n\nMontant : **{montantTotal}**\n",
                StandardCharsets.UTF_8);
        EditeurConventionPdf editeur = new EditeurConventionPdf(new ConventionProperties("l'État", "file:" + modele), new DefaultResourceLoader());
        String t = texte(editeur.editer(ContenuConvention.de(dossier(Categorie.HORS_GRANDS_CENTRES, null),
                convention(new MontantsAnnuels(25_000, 25_000, 25_000), 0), PLAFONDS, DELAIS, "l'État")));
        assertThat(t).contains("Convention CONV-FDT-2026-0042").contains("Montant : 75 000 €").contains("CONV-FDT-2026-0042 — 1/1");

        Files.writeString(modele, "# Convention\n\n@si numerique\nSoutien de {supplement}\n@fin\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new EditeurConventionPdf(new ConventionProperties("l'État", "file:" + modele), new DefaultResourceLoader()))
                .hasMessageContaining("modele.txt, ligne 4 : variable inconnue {supplement}").hasMessageContaining("supplementNumerique");
        assertThatThrownBy(() -> new EditeurConventionPdf(new ConventionProperties("l'État", "file:" + dossier.resolve("absent.txt")),
                new DefaultResourceLoader())).hasMessageContaining("Modèle de convention introuvable");
    }

    @Test
    void leLisezmoiDecritToutesLesVariablesEtConditions() throws IOException {
        String lisezmoi = Files.readString(Path.of("src/main/resources/convention/LISEZMOI.txt"), StandardCharsets.UTF_8);
        ContenuConvention.VARIABLES.keySet().forEach(v -> assertThat(lisezmoi).as(v).contains("{" + v + "}"));
        ContenuConvention.CONDITIONS.keySet().forEach(c -> assertThat(lisezmoi).as(c).containsPattern("\\n  " + c + "\\s"));
    }
}
