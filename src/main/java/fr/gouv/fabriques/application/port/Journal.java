package fr.gouv.fabriques.application.port;

import java.time.Instant;
import java.util.List;

/** The dossier's timeline and audit trail: who did what, when; some entries are shown to the applicant. */
public interface Journal {

    void noter(long dossierId, TypeEvenement type, String libelle, boolean visiblePorteur, String acteur, Instant quand);

    List<Evenement> evenements(long dossierId, boolean seulementVisiblesPorteur);

    record Evenement(TypeEvenement type, String libelle, boolean visiblePorteur, String acteur, Instant survenuLe) {
    }
}
