package fr.gouv.fabriques.application.versement;

import fr.gouv.fabriques.application.piece.ListerPieces;
import fr.gouv.fabriques.application.port.BilanRepository;
import fr.gouv.fabriques.domain.CategoriePiece;
import fr.gouv.fabriques.domain.Piece;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the instructor examines: the report of the year as deposited, and the report attachments of the dossier. */
@Service
public class ConsulterBilan {

    private final BilanRepository bilans;
    private final ListerPieces listerPieces;

    public ConsulterBilan(BilanRepository bilans, ListerPieces listerPieces) {
        this.bilans = bilans;
        this.listerPieces = listerPieces;
    }

    public record BilanAExaminer(Optional<BilanRepository.Bilan> bilan, List<Piece> pieces) {
    }

    @Transactional(readOnly = true)
    public BilanAExaminer consulter(long dossierId, int annee) {
        var categories = EnumSet.of(CategoriePiece.BILAN_ACTIVITE, CategoriePiece.COMPTE_RENDU_FINANCIER);
        return new BilanAExaminer(bilans.parDossierEtAnnee(dossierId, annee),
                listerPieces.duDossier(dossierId).stream().filter(p -> categories.contains(p.categorie())).toList());
    }
}
