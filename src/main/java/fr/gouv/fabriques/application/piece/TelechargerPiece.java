package fr.gouv.fabriques.application.piece;

import fr.gouv.fabriques.application.LecteursDossier;
import fr.gouv.fabriques.application.port.AnnuaireAgents.Agent;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.PieceRepository;
import fr.gouv.fabriques.domain.Dossier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A piece and its content, for the applicant of the dossier or for an agent who reads the
 * dossier ({@link LecteursDossier}).
 */
@Service
public class TelechargerPiece {

    private final DossierRepository dossiers;
    private final PieceRepository pieces;

    public TelechargerPiece(DossierRepository dossiers, PieceRepository pieces) {
        this.dossiers = dossiers;
        this.pieces = pieces;
    }

    /** For the applicant, once his token opened the dossier. */
    @Transactional(readOnly = true)
    public PieceRepository.Contenu pourPorteur(Dossier dossier, long pieceId) {
        return pieces.contenu(dossier.id(), pieceId).orElseThrow(() -> new PieceIntrouvable(dossier.numero(), pieceId));
    }

    @Transactional(readOnly = true)
    public PieceRepository.Contenu pourAgent(String numero, long pieceId, Agent agent) {
        Dossier dossier = dossiers.parNumero(numero).orElseThrow(() -> new PieceIntrouvable(numero, pieceId));
        if (!LecteursDossier.peutLire(agent, dossier)) {
            throw new AccesPieceRefuse("Les pièces du dossier " + numero + " sont réservées aux équipes nationales et aux référents "
                    + "de son département (groupe " + LecteursDossier.groupeReferents(dossier) + ").");
        }
        return pieces.contenu(dossier.id(), pieceId).orElseThrow(() -> new PieceIntrouvable(numero, pieceId));
    }

    /** The agent may use the agents' API but not read this dossier. */
    public static class AccesPieceRefuse extends RuntimeException {
        public AccesPieceRefuse(String message) {
            super(message);
        }
    }
}
