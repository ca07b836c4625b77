package fr.gouv.fabriques.application.porteur;

import java.time.Instant;
import java.util.List;

/**
 * What the applicant sees of a dossier: status, amounts, payments, the public timeline (no
 * internal notes) and the pieces he attached (without their content).
 */
public record VueDossierPorteur(String numero, String statut, String statutLibelle, String appel, String vague, String categorie,
        String structure, Montants montantsDemandes, Montants montantsAccordes, int supplementNumerique,
        List<VersementVu> versements, int totalVerse, List<Etape> historique, List<PieceVue> pieces) {

    /** {@code type}: the MIME type recognised from the content; {@code taille} in bytes. */
    public record PieceVue(long id, String nom, String type, long taille, String sha256, String categorie, Instant deposeeLe) {
    }

    public record Montants(int annee1, int annee2, int annee3, int total) {
    }

    public record VersementVu(int annee, int montant, String statut, Instant emisLe, String reference) {
    }

    public record Etape(Instant date, String type, String libelle) {
    }
}
