package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.simulation.RapportSimulation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The record of every rule simulation run (table simulation_regles, V58): the only thing a simulation writes. */
public interface SimulationRepository {

    long enregistrer(Simulation simulation);

    Optional<Simulation> lire(long id);

    /** The latest runs, without their reports. */
    List<Simulation> dernieres(int nombre);

    /**
     * @param id       null until recorded
     * @param rapport  null in {@link #dernieres(int)}
     */
    record Simulation(Long id, String lanceePar, Instant lanceeLe, TablesCandidates.Origine eligibilite, TablesCandidates.Origine notation,
            List<String> vagues, Map<Categorie, Integer> quotas, Long enveloppe, int dossiersRejoues, int dossiersChanges, int sortants,
            int entrants, long dureeMs, RapportSimulation rapport) {
    }
}
