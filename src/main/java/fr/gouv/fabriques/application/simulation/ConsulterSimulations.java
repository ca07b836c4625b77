package fr.gouv.fabriques.application.simulation;

import fr.gouv.fabriques.application.port.SimulationRepository;
import fr.gouv.fabriques.application.port.SimulationRepository.Simulation;
import java.util.List;
import org.springframework.stereotype.Service;

/** The recorded simulation runs, and their reports as files. */
@Service
public class ConsulterSimulations {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final SimulationRepository simulations;
    private final ExporterRapport exporter;

    public ConsulterSimulations(SimulationRepository simulations, ExporterRapport exporter) {
        this.simulations = simulations;
        this.exporter = exporter;
    }

    public List<Simulation> dernieres() {
        return simulations.dernieres(50);
    }

    public Simulation lire(long id) {
        return simulations.lire(id).orElseThrow(() -> new SimulationIntrouvable(id));
    }

    public byte[] csv(long id) {
        return exporter.csv(lire(id).rapport());
    }

    public byte[] xlsx(long id) {
        return exporter.xlsx(lire(id).rapport());
    }

    /** No run with this number (404). */
    public static final class SimulationIntrouvable extends RuntimeException {
        public SimulationIntrouvable(long id) {
            super("Aucune simulation n° " + id);
        }
    }
}
