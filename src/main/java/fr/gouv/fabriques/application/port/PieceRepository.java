package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.domain.CategoriePiece;
import fr.gouv.fabriques.domain.Piece;
import fr.gouv.fabriques.domain.TypePiece;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where attachments and their content are kept (PostgreSQL, table piece). */
public interface PieceRepository {

    /**
     * Holds, until the transaction ends, every other deposit of pieces to this dossier:
     * the « 50 Mo par dossier » sum and the « same content once » check stay true under
     * concurrent uploads.
     */
    void reserverDossier(long dossierId);

    /** The pieces of a dossier, oldest first, without their content. */
    List<Piece> parDossier(long dossierId);

    Optional<Piece> parEmpreinte(long dossierId, String sha256);

    long tailleTotale(long dossierId);

    Piece ajouter(long dossierId, String nom, TypePiece type, String sha256, CategoriePiece categorie, byte[] contenu, Instant le);

    /** The piece {@code pieceId} if it belongs to that dossier, with its content. */
    Optional<Contenu> contenu(long dossierId, long pieceId);

    record Contenu(Piece piece, byte[] octets) {
    }
}
