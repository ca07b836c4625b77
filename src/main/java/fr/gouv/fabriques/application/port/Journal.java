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

    List<Evenement> evenements(long dossierId, boolean seulementVisiblesPorteur);

    record Evenement(TypeEvenement type, String libelle, boolean visiblePorteur, String acteur, Instant survenuLe) {
    }
}
