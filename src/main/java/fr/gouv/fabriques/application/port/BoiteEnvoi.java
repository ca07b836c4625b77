package fr.gouv.fabriques.application.port;

import java.time.Instant;
import java.util.List;

/**
 * The outbox of the applicants' e-mails (table {@code notification}). A mail is put in
 * the box in the transaction of the step it announces; the sender claims, sends and
 * records the outcome, each in its own short transaction.
 */
public interface BoiteEnvoi {

    /** Puts a mail in the box, in the caller's transaction; one mail per timeline entry (unique key). */
    void deposer(CourrielADeposer courriel);

    /** Several mails, each as {@link #deposer} puts it, in one batch. */
    default void deposerTous(java.util.List<CourrielADeposer> courriels) {
        courriels.forEach(this::deposer);
    }

    /**
     * Claims at most {@code nombre} mails due at {@code maintenant} (waiting ones, and claimed ones
     * whose lease ran out), skipping those another sender has locked: they become
     * {@link EtatCourriel#EN_COURS} until {@code bailJusqua}, their attempt count raised by one.
     * Commits before returning.
     */
    List<CourrielReserve> reserver(int nombre, Instant maintenant, Instant bailJusqua);

    /** The SMTP server accepted the mail (recorded whoever holds the claim now: it is a fact). */
    void marquerEnvoye(long id, Instant quand);

    /** Attempt {@code tentative} failed; try again from {@code prochaineTentative}. Ignored if another sender claimed it since. */
    void reporter(long id, int tentative, Instant prochaineTentative, String erreur);

    /** Attempt {@code tentative} failed and was the last: the mail stays in {@link EtatCourriel#ECHEC} for a person to look at. */
    void abandonner(long id, int tentative, String erreur);

    enum EtatCourriel { A_ENVOYER, EN_COURS, ENVOYE, ECHEC }

    record CourrielADeposer(long dossierId, long evenementId, TypeEvenement type, String destinataire, String sujet,
            String corps, String messageId, Instant creeLe) {
    }

    /** A claimed mail; {@code tentative} is the number of this attempt (1 for the first). */
    record CourrielReserve(long id, String numeroDossier, String destinataire, String sujet, String corps, String messageId,
            Instant creeLe, int tentative) {
    }
}
