package fr.gouv.fabriques.application.port;

import java.time.Instant;

/**
 * Something else a timeline entry must cause, in the entry's own transaction (the démarches-simplifiées write-back: one
 * entry, one row of its outbox), the way the applicant's e-mail does (doc/adr/0003).
 */
public interface SuiteJournal {

    /**
     * Called after each entry, in its transaction.
     *
     * @return false when the applicant must not also get the e-mail for this entry
     */
    boolean apresNote(long evenementId, long dossierId, TypeEvenement type, String libelle, boolean visiblePorteur, Instant quand);

    /** Same, with the dossier as the caller has just written it ({@link Journal#noter(fr.gouv.fabriques.domain.Dossier, TypeEvenement, String, boolean, String, Instant)}). */
    default boolean apresNote(long evenementId, fr.gouv.fabriques.domain.Dossier dossier, TypeEvenement type, String libelle,
            boolean visiblePorteur, Instant quand) {
        return apresNote(evenementId, dossier.id(), type, libelle, visiblePorteur, quand);
    }

    /** Same for entries written together ({@link Journal#noterTous}): one answer per entry, in order. */
    default java.util.List<Boolean> apresNotes(java.util.List<Long> evenementIds, java.util.List<Journal.Note> notes) {
        java.util.List<Boolean> r = new java.util.ArrayList<>();
        for (int i = 0; i < notes.size(); i++) {
            Journal.Note n = notes.get(i);
            r.add(apresNote(evenementIds.get(i), n.dossier(), n.type(), n.libelle(), n.visiblePorteur(), n.quand()));
        }
        return r;
    }
}
