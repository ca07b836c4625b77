package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.domain.Versement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Payments; the (dossier, year) unique key makes issuing idempotent. */
public interface VersementRepository {

    /** Plans the payment of a year; does nothing if it is already planned. */
    void planifier(long dossierId, int annee, int montant);

    List<Versement> parDossier(long dossierId);

    Optional<Versement> parDossierEtAnnee(long dossierId, int annee);

    void ordonnancer(long dossierId, int annee, String par, Instant le);

    /**
     * Records the second signature of an ordered payment, by someone other than its orderer.
     * @return false if it was not ordered, ordered by {@code par}, already validated or issued
     */
    boolean valider(long dossierId, int annee, String par, Instant le);

    /**
     * Sends an ordered, not yet validated payment back to be ordered again, keeping the reason.
     * @return false if there was nothing to send back
     */
    boolean annulerOrdonnancement(long dossierId, int annee, String motif);

    /**
     * Marks the validated payment issued with its reference unless it already is.
     * @return true if this call issued it, false if it had been issued before
     */
    boolean emettre(long dossierId, int annee, String reference, Instant le);

    /**
     * An amendment changed the amount of a year: the planned payment, neither ordered nor issued, takes it.
     * @return false if there was no such payment to change
     */
    boolean modifierMontantPrevu(long dossierId, int annee, int montant);
}
