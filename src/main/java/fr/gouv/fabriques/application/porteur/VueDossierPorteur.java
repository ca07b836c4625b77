package fr.gouv.fabriques.application.porteur;

import java.time.Instant;
import java.util.List;

/**
 * What the applicant sees of a dossier: status, amounts, payments, the public timeline (no
 * internal notes), the pieces he attached (without their content), the convention — where to
 * download it and its SHA-256, then the SHA-256 of the signed copy he sent back (his receipt), null
 * until they exist — and the money: paid, recovered, released.
 */
public record VueDossierPorteur(String numero, String statut, String statutLibelle, String appel, String vague, String categorie,
        String structure, Montants montantsDemandes, Montants montantsAccordes, int supplementNumerique,
        List<VersementVu> versements, int totalVerse, int totalReverse, long montantLibere, List<Etape> historique,
        List<PieceVue> pieces, ConventionVue convention, ConventionSigneeVue conventionSignee) {

    /** {@code type}: the MIME type recognised from the content; {@code taille} in bytes. */
    public record PieceVue(long id, String nom, String type, long taille, String sha256, String categorie, Instant deposeeLe) {
    }

    /** {@code telechargement}: GET with the same token; {@code taille} in bytes. */
    public record ConventionVue(String reference, String sha256, long taille, Instant etablieLe, String telechargement) {
    }

    public record ConventionSigneeVue(String sha256, long taille, Instant deposeeLe, String signataire) {
    }

    public record Montants(int annee1, int annee2, int annee3, int total) {
    }

    public record VersementVu(int annee, int montant, String statut, Instant emisLe, String reference) {
    }

    public record Etape(Instant date, String type, String libelle) {
    }
}
