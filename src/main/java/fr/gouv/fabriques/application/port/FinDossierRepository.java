package fr.gouv.fabriques.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Withdrawals, renunciations and cancellations of dossiers (table fin_dossier). */
public interface FinDossierRepository {

    enum Nature { RETRAIT, RENONCIATION, ANNULATION }

    enum Etat { DEMANDEE, VALIDEE, REFUSEE }

    record FinDossier(long id, long dossierId, Nature nature, String motif, String demandeePar, Instant demandeeLe, Etat etat,
            String decideePar, Instant decideeLe, String commentaire) {
    }

    /** Records a request; the unique index refuses a second pending one (DataIntegrityViolation). */
    long demander(long dossierId, Nature nature, String motif, String par, Instant le);

    /** Records the decision on a pending request. @return false if it was no longer pending */
    boolean decider(long id, Etat etat, String par, Instant le, String commentaire);

    Optional<FinDossier> enAttente(long dossierId);

    List<FinDossier> duDossier(long dossierId);
}
