package fr.gouv.fabriques.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FichierConventionTest {

    private static final Instant LE = Instant.parse("2026-03-03T13:05:00Z");
    private static final byte[] PDF = "%PDF-1.7\nsigné".getBytes(StandardCharsets.UTF_8);

    @Test
    void uneConventionSigneeEstUnPdfReconnuASonContenuAvecSonEmpreinte() {
        FichierConvention f = FichierConvention.signeeParLePorteur(7L, "  Camille Martin, présidente ", "C:\\scans\\convention signée.pdf",
                PDF, LE);
        assertThat(f.description().nature()).isEqualTo(NatureDocumentConvention.SIGNEE_PORTEUR);
        assertThat(f.description().signataire()).isEqualTo("Camille Martin, présidente");
        assertThat(f.description().nomOriginal()).isEqualTo("convention signée.pdf");
        assertThat(f.description().taille()).isEqualTo(PDF.length);
        // sha256("abc"), the FIPS 180-2 example
        assertThat(FichierConvention.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(f.description().sha256()).isEqualTo(FichierConvention.sha256(PDF)).hasSize(64);
    }

    @Test
    void chaqueChampFautifEstNommeEnFrancais() {
        assertThatThrownBy(() -> FichierConvention.signeeParLePorteur(7L, "CM", "a.pdf", "<html>".getBytes(StandardCharsets.UTF_8), LE))
                .isInstanceOfSatisfying(ErreursValidation.class, e -> {
                    assertThat(e.violations()).extracting(Violation::champ).containsExactly("signataire", "fichier");
                    assertThat(e.violations().get(1).message()).contains("n'est pas un PDF").contains("%PDF-");
                });
        assertThatThrownBy(() -> FichierConvention.signeeParLePorteur(7L, "x".repeat(201), null, new byte[0], LE))
                .isInstanceOfSatisfying(ErreursValidation.class, e -> assertThat(e.violations()).extracting(Violation::champ)
                        .containsExactly("signataire", "fichier"));
        assertThatThrownBy(() -> FichierConvention.signeeParLePorteur(7L, "Camille Martin", "a.pdf", " %PDF-1.7".getBytes(StandardCharsets.US_ASCII), LE))
                .isInstanceOf(ErreursValidation.class);
    }

    @Test
    void auDelaDeDixMegaOctetsLeFichierEstRefuse() {
        byte[] gros = Arrays.copyOf(PDF, FichierConvention.TAILLE_MAX + 1);
        assertThatThrownBy(() -> FichierConvention.signeeParLePorteur(7L, "Camille Martin", "a.pdf", gros, LE))
                .isInstanceOf(FichierTropVolumineux.class).hasMessageContaining("10,0 Mo").hasMessageContaining("10 Mo au plus");
        byte[] juste = Arrays.copyOf(PDF, FichierConvention.TAILLE_MAX);
        assertThat(FichierConvention.signeeParLePorteur(7L, "Camille Martin", "a.pdf", juste, LE).description().taille())
                .isEqualTo(FichierConvention.TAILLE_MAX);
    }
}
