package fr.gouv.fabriques.application.versement;

import fr.gouv.fabriques.application.piece.DeposerPieces;
import fr.gouv.fabriques.application.piece.FichierRecu;
import fr.gouv.fabriques.domain.CategoriePiece;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.Violation;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual report with its two attachments — the activity report and the compte
 * rendu financier — in one go: all recorded, or nothing (the pieces roll back with a
 * refused report).
 */
@Service
public class DeposerBilanAvecPieces {

    private final DeposerPieces deposerPieces;
    private final DeposerBilan deposerBilan;

    public DeposerBilanAvecPieces(DeposerPieces deposerPieces, DeposerBilan deposerBilan) {
        this.deposerPieces = deposerPieces;
        this.deposerBilan = deposerBilan;
    }

    @Transactional
    public void deposer(Dossier dossier, int annee, String commentaire, List<FichierRecu> bilanActivite, List<FichierRecu> compteRendu) {
        List<Violation> manquants = new ArrayList<>();
        if (bilanActivite == null || bilanActivite.isEmpty()) {
            manquants.add(new Violation("bilanActivite", "joignez le bilan d'activité de l'année (PDF, ODT, DOCX…)"));
        }
        if (compteRendu == null || compteRendu.isEmpty()) {
            manquants.add(new Violation("compteRenduFinancier", "joignez le compte rendu financier de l'année (PDF, ODT, DOCX…)"));
        }
        if (!manquants.isEmpty()) {
            throw new ErreursValidation(manquants);
        }
        // Pieces first: the report's arrival creates the instructor's task, whose form lists them.
        deposerPieces.deposer(dossier, CategoriePiece.BILAN_ACTIVITE.name(), bilanActivite);
        deposerPieces.deposer(dossier, CategoriePiece.COMPTE_RENDU_FINANCIER.name(), compteRendu);
        deposerBilan.deposer(dossier, annee, commentaire);
    }
}
