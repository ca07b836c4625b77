package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.domain.Avenant;
import java.util.List;
import java.util.Optional;

/**
 * The amendments of the dossiers' conventions, with their PDFs (as drawn, as signed by the laureate).
 * One in progress per dossier at most (unique partial index of table {@code avenant}).
 */
public interface AvenantRepository {

    /** Stores a proposal with the next number k of the dossier (1, 2…); returns it as stored. */
    Avenant ajouter(Avenant avenant);

    /** Its states and who/when; never its number, change or PDFs' bytes. */
    void mettreAJour(Avenant avenant);

    Optional<Avenant> enCours(long dossierId);

    Optional<Avenant> parNumero(long dossierId, int numero);

    /** In the order of their numbers. */
    List<Avenant> duDossier(long dossierId);

    void enregistrerPdf(long avenantId, byte[] pdf);

    void enregistrerPdfSigne(long avenantId, byte[] pdf, String nomOriginal);

    Optional<byte[]> pdf(long avenantId);

    Optional<byte[]> pdfSigne(long avenantId);

    /** What the applied amendments added to the dossier's commitment (negative: released). */
    long engagementDelta(long dossierId);
}
