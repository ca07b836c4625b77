package fr.gouv.fabriques.application.piece;

import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.Violation;
import java.util.List;

/** A file, or the dossier's pieces together, would exceed the size limits; nothing was written. */
public class PiecesTropVolumineuses extends ErreursValidation {

    public PiecesTropVolumineuses(List<Violation> violations) {
        super(violations);
    }
}
