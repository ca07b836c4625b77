package fr.gouv.fabriques.application.piece;

import fr.gouv.fabriques.domain.Piece;
import java.util.List;

/** What an upload did, file by file, in the order received. */
public record ResultatDepotPieces(List<Ligne> lignes) {

    /** @param dejaPresente the same content was already in the dossier: {@code piece} is that earlier one, nothing was added */
    public record Ligne(Piece piece, boolean dejaPresente) {
    }

    public long ajoutees() {
        return lignes.stream().filter(l -> !l.dejaPresente()).count();
    }
}
