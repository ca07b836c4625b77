package fr.gouv.fabriques.application.port;

/**
 * The open « Vérifier la complétude » task of a dossier shows its pieces as links; the
 * applicant usually uploads them after the task was created (eligibility runs right after
 * the deposit), so an upload refreshes that list.
 */
public interface TachesCompletude {

    /** Refreshes the list of pieces shown by the dossier's open completeness task, if any. */
    void piecesModifiees(long dossierId, String numero);
}
