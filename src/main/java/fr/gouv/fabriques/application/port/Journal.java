package fr.gouv.fabriques.application.port;

import java.time.Instant;
import java.util.List;

/** The dossier's timeline and audit trail: who did what, when; some entries are shown to the applicant. */
public interface Journal {

    /**
     * Records a step in the caller's transaction and returns the entry's id. An entry the
     * applicant sees ({@code visiblePorteur}) is also announced to them by e-mail, once.
     */
    long noter(long dossierId, TypeEvenement type, String libelle, boolean visiblePorteur, String acteur, Instant quand);

    /**
     * Same, for a dossier the caller holds as it has just written it: what the entry causes (the mail, DS) reads it there
     * instead of loading it again (the committee's publication notes a thousand entries in one transaction).
     */
    default long noter(fr.gouv.fabriques.domain.Dossier dossier, TypeEvenement type, String libelle, boolean visiblePorteur, String acteur,
            Instant quand) {
        return noter(dossier.id(), type, libelle, visiblePorteur, acteur, quand);
    }

    /** An entry for {@link #noterTous}: a dossier the caller holds as it has just written it, and what to note. */
    record Note(fr.gouv.fabriques.domain.Dossier dossier, TypeEvenement type, String libelle, boolean visiblePorteur, String acteur,
            Instant quand) {
    }

    /**
     * Several entries, each exactly as {@link #noter(fr.gouv.fabriques.domain.Dossier, TypeEvenement, String, boolean, String, Instant)}
     * records it (and what it causes: mail, DS), in a few round trips to the database instead of several per entry; returns their
     * ids, in order.
     */
    default List<Long> noterTous(List<Note> notes) {
        List<Long> ids = new java.util.ArrayList<>();
        for (Note n : notes) {
            ids.add(noter(n.dossier(), n.type(), n.libelle(), n.visiblePorteur(), n.acteur(), n.quand()));
        }
        return ids;
    }

    List<Evenement> evenements(long dossierId, boolean seulementVisiblesPorteur);

    record Evenement(TypeEvenement type, String libelle, boolean visiblePorteur, String acteur, Instant survenuLe) {
    }
}
