package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.domain.simulation.Regles;
import java.util.List;

/**
 * Analysts' candidate DMN tables, read in memory and evaluated without being deployed: nothing
 * reaches the engine's repository, history or metrics (« Simuler un changement de règle »).
 */
public interface TablesCandidates {

    /**
     * Reads uploaded tables; either may be null (the recorded outcome is kept for that part).
     *
     * @param eligibilite a DMN file holding {@code Decision_Eligibilite}
     * @param notation    a DMN file holding {@code Decision_PoidsCriteres} and {@code Decision_Recommandation}
     * @throws TableIllisible naming the file and why, in French
     */
    Candidates televersees(byte[] eligibilite, byte[] notation);

    /** The tables of a deployment already made in the engine (perhaps not the latest); {@link TableIllisible} if none. */
    Candidates deploiement(String idDeploiement);

    /** The latest deployed version of both tables, as the process evaluates them today. */
    Candidates dernieres();

    /** Recent deployments holding one of the programme's DMN tables, latest first. */
    List<Deploiement> deploiements();

    record Deploiement(String id, String nom, java.time.Instant le, List<String> decisions) {
    }

    /**
     * @param sha256  of the file read
     * @param origine « fichier eligibilite.dmn » or « déploiement … : Decision_PoidsCriteres v4 »
     */
    record Origine(String sha256, String origine) {
    }

    /** Rules to replay with, and where they came from (null for a part kept as recorded). */
    interface Candidates extends Regles {

        Origine eligibilite();

        Origine notation();
    }

    /** A candidate table that cannot be read or evaluated: the French reason, without engine internals. */
    final class TableIllisible extends RuntimeException {

        private final String champ;

        public TableIllisible(String champ, String message) {
            super(message);
            this.champ = champ;
        }

        public String champ() {
            return champ;
        }
    }
}
