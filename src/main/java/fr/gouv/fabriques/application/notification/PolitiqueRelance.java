package fr.gouv.fabriques.application.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What happens to a mail whose attempt failed: tried again after a wait that doubles
 * each time (1 min, 2, 4… up to the maximum), or given up after the last attempt.
 */
public record PolitiqueRelance(int tentativesMax, Duration delaiInitial, Duration delaiMax) {

    /** @return when to try again after the failed attempt number {@code tentative} (1 for the first), or empty to give up */
    public Optional<Instant> apresEchec(int tentative, Instant maintenant) {
        if (tentative >= tentativesMax) {
            return Optional.empty();
        }
        return Optional.of(maintenant.plus(delai(tentative)));
    }

    /** The wait after the failed attempt number {@code tentative}. */
    public Duration delai(int tentative) {
        Duration d = delaiInitial;
        for (int i = 1; i < tentative && d.compareTo(delaiMax) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(delaiMax) > 0 ? delaiMax : d;
    }

    /** A claimed mail whose sender died while sending has used an attempt too: past the last one, it is not sent again. */
    public boolean tentativeAutorisee(int tentative) {
        return tentative <= tentativesMax;
    }
}
