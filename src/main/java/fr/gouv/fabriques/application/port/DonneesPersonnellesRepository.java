package fr.gouv.fabriques.application.port;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The personal data held on dossiers: what the retention job erases, and what a right-of-access request exports. */
public interface DonneesPersonnellesRepository {

    /** Dossiers in one of these statuses, unchanged since {@code avant}, not yet anonymized (at most {@code limite}). */
    List<Long> aAnonymiser(Collection<String> statuts, Instant avant, int limite);

    /**
     * Replaces the contact person's name, e-mail and phone and the mails' recipients and bodies, and
     * records when; with {@code pieces}, also deletes the attachments. Does nothing (returns false)
     * for a dossier already anonymized.
     */
    boolean anonymiser(long dossierId, boolean pieces, Instant le);

    /** The numbers of the dossiers of a structure (its SIRET), oldest first. */
    List<String> numerosParSiret(String siret);

    /** The mails sent (or due) about a dossier. */
    List<Courriel> courriels(String numero);

    record Courriel(String type, String destinataire, String sujet, String corps, Instant creeLe, String etat, Instant envoyeLe) {
    }
}
