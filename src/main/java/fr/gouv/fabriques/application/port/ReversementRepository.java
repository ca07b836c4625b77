package fr.gouv.fabriques.application.port;

import java.time.Instant;
import java.util.Optional;

/** Recoveries decided after a suspension, and the amount actually received back (four eyes). */
public interface ReversementRepository {

    void ajouter(long dossierId, int montant, String motif, String par, Instant le);

    int totalReverse(long dossierId);

    /** The last recovery decided for the dossier. */
    Optional<Reversement> dernier(long dossierId);

    /** Records the amount received, unless it is already validated. @return false if nothing was recorded */
    boolean enregistrerRecu(long id, int montant, String par, Instant le);

    /** The second signature on the amount received, by someone else than who recorded it. @return false otherwise */
    boolean validerRecu(long id, String par, Instant le);

    /** Sends the recorded amount back to be recorded again. @return false if it was validated meanwhile */
    boolean annulerRecu(long id);

    record Reversement(long id, long dossierId, int montant, String motif, String decidePar, Instant decideLe, Integer recuMontant,
            String recuEnregistrePar, Instant recuEnregistreLe, String recuValidePar, Instant recuValideLe) {

        public boolean recuValide() {
            return recuValideLe != null;
        }
    }
}
