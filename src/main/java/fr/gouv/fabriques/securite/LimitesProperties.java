package fr.gouv.fabriques.securite;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fabriques.limites.*}: how many requests one client address may make (README « Sécurité
 * côté navigateur »). Each limit is a bucket of {@code capacite} tokens refilled evenly over
 * {@code periode}: a burst up to the capacity, then one request every periode / capacite.
 *
 * @param depots     anonymous deposits ({@code POST /api/dossiers})
 * @param envois     the applicant's other sendings: pieces, signed convention, reports, complements
 * @param connexions failed logins (Tasklist/Cockpit/Admin, /engine-rest and /api/agents in HTTP Basic)
 * @param adressesMax how many client addresses are followed at once per limit (memory bound)
 */
@ConfigurationProperties(prefix = "fabriques.limites")
public record LimitesProperties(Limite depots, Limite envois, Limite connexions, @DefaultValue("100000") int adressesMax) {

    /** The defaults, also written in application.yaml. */
    public LimitesProperties {
        depots = depots == null ? new Limite(200, Duration.ofHours(1)) : depots;
        envois = envois == null ? new Limite(600, Duration.ofHours(1)) : envois;
        connexions = connexions == null ? new Limite(10, Duration.ofMinutes(15)) : connexions;
    }

    public record Limite(int capacite, Duration periode) {
        public Limite {
            if (capacite < 1) {
                throw new IllegalArgumentException("fabriques.limites : la capacité doit valoir au moins 1 (lu : " + capacite + ")");
            }
            if (periode == null || periode.isNegative() || periode.isZero()) {
                throw new IllegalArgumentException("fabriques.limites : la période doit être positive (lu : " + periode + ")");
            }
        }
    }
}
