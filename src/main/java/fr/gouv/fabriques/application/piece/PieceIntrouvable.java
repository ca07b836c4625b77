package fr.gouv.fabriques.application.piece;

/** No such piece in that dossier (or no such dossier). */
public class PieceIntrouvable extends RuntimeException {

    public PieceIntrouvable(String numero, long pieceId) {
        super("Aucune pièce " + pieceId + " dans le dossier " + numero);
    }
}
