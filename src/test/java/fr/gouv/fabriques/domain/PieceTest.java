package fr.gouv.fabriques.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PieceTest {

    private static Piece piece(String nom, TypePiece type) {
        return new Piece(1, 2, nom, type, 10, "0".repeat(64), CategoriePiece.AUTRE, Instant.EPOCH);
    }

    @Test
    void nomNettoye() {
        assertThat(Piece.nomNettoye("C:\\fakepath\\statuts.pdf")).isEqualTo("statuts.pdf");
        assertThat(Piece.nomNettoye("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Piece.nomNettoye("rib\u0000\n.pdf")).isEqualTo("rib.pdf");
        assertThat(Piece.nomNettoye("facture\u202Efdp.exe")).as("inversion bidi retirée").isEqualTo("facturefdp.exe");
        assertThat(Piece.nomNettoye(null)).isEqualTo("piece");
        assertThat(Piece.nomNettoye("  ")).isEqualTo("piece");
        assertThat(Piece.nomNettoye("dossier/")).isEqualTo("piece");
        String long_ = "a".repeat(300) + ".pdf";
        assertThat(Piece.nomNettoye(long_)).hasSize(200).endsWith("a.pdf");
        assertThat(Piece.nomNettoye("Lettre de soutien — Mairie.pdf")).isEqualTo("Lettre de soutien — Mairie.pdf");
    }

    @Test
    void nomDeTelechargementPorteLExtensionDuVraiType() {
        assertThat(piece("statuts.pdf", TypePiece.PDF).nomTelechargement()).isEqualTo("statuts.pdf");
        assertThat(piece("STATUTS.PDF", TypePiece.PDF).nomTelechargement()).isEqualTo("STATUTS.PDF");
        assertThat(piece("photo.jpeg", TypePiece.JPEG).nomTelechargement()).isEqualTo("photo.jpeg");
        assertThat(piece("devis.exe", TypePiece.PDF).nomTelechargement()).isEqualTo("devis.exe.pdf");
        assertThat(piece("budget", TypePiece.DOCX).nomTelechargement()).isEqualTo("budget.docx");
    }

    @Test
    void tailleLisible() {
        assertThat(Piece.tailleLisible(812)).isEqualTo("812 octets");
        assertThat(Piece.tailleLisible(35_000)).isEqualTo("34 Ko");
        assertThat(Piece.tailleLisible(10L * 1024 * 1024)).isEqualTo("10,0 Mo");
        assertThat(Piece.tailleDetaillee(10L * 1024 * 1024 + 1)).isEqualTo("10,0 Mo (10 485 761 octets)");
        assertThat(Piece.tailleDetaillee(812)).isEqualTo("812 octets");
    }
}
