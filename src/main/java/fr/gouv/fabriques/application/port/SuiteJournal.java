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
}
