package fr.gouv.fabriques.process.instruction;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.fabriques.domain.CategoriePiece;
import fr.gouv.fabriques.domain.Piece;
import fr.gouv.fabriques.domain.TypePiece;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The markdown list of pieces shown in « Vérifier la complétude ». */
class PiecesJointesCompletudeTest {

    private static Piece piece(long id, String nom, TypePiece type, long taille, CategoriePiece categorie) {
        return new Piece(id, 42, nom, type, taille, "0".repeat(64), categorie, Instant.EPOCH);
    }

    @Test
    void unLienParPieceVersLApiDesAgents() {
        assertThat(fr.gouv.fabriques.process.commun.LiensPieces.markdown("FDT-2026-0001", List.of(
                piece(12, "statuts.pdf", TypePiece.PDF, 123_000, CategoriePiece.STATUTS),
                piece(13, "budget 2026.docx", TypePiece.DOCX, 2_500_000, CategoriePiece.BUDGET_PREVISIONNEL))))
                .isEqualTo("- [statuts\\.pdf (PDF, 120 Ko, statuts)](/api/agents/dossiers/FDT-2026-0001/pieces/12)\n"
                        + "- [budget 2026\\.docx (DOCX, 2,4 Mo, budget prévisionnel)](/api/agents/dossiers/FDT-2026-0001/pieces/13)");
    }

    @Test
    void leNomDuFichierNeFaitNiLienNiBalise() {
        String ligne = fr.gouv.fabriques.process.commun.LiensPieces.markdown("FDT-2026-0001",
                List.of(piece(1, "x](javascript:alert(1))<img src=x onerror=alert(1)>*.pdf", TypePiece.PDF, 10, CategoriePiece.AUTRE)));
        assertThat(ligne).startsWith("- [x\\]\\(javascript:alert\\(1\\)\\)\\<img src=x onerror=alert\\(1\\)\\>\\*\\.pdf (PDF")
                .endsWith("](/api/agents/dossiers/FDT-2026-0001/pieces/1)");
    }

    @Test
    void aucunePiece() {
        assertThat(fr.gouv.fabriques.process.commun.LiensPieces.markdown("FDT-2026-0001", List.of())).isEqualTo("_Aucune pièce jointe déposée pour l'instant._");
    }
}
