package fr.gouv.fabriques.application.piece;

import fr.gouv.fabriques.application.port.PieceRepository;
import fr.gouv.fabriques.domain.Piece;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The pieces of a dossier, without their content (the completeness task shows them as links). */
@Service
public class ListerPieces {

    private final PieceRepository pieces;

    public ListerPieces(PieceRepository pieces) {
        this.pieces = pieces;
    }

    @Transactional(readOnly = true)
    public List<Piece> duDossier(long dossierId) {
        return pieces.parDossier(dossierId);
    }
}
