package fr.gouv.fabriques.securite;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Optional;

/**
 * One limit, per client address, in this node's memory: a Bucket4j token bucket per address,
 * kept in a bounded Caffeine cache (an address unseen for a whole period has a full bucket
 * again, so it is simply forgotten). Behind several nodes each counts for itself: the limit of
 * the service is then the limit × the number of nodes, which is enough against a flood.
 */
public final class Limiteur {

    private final LimitesProperties.Limite limite;
    private final TimeMeter horloge;
    private final Cache<String, Bucket> seaux;

    public Limiteur(LimitesProperties.Limite limite, int adressesMax, TimeMeter horloge) {
        this.limite = limite;
        this.horloge = horloge;
        this.seaux = Caffeine.newBuilder().maximumSize(adressesMax).expireAfterAccess(limite.periode()).build();
    }

    public Limiteur(LimitesProperties.Limite limite, int adressesMax) {
        this(limite, adressesMax, TimeMeter.SYSTEM_MILLISECONDS);
    }

    public LimitesProperties.Limite limite() {
        return limite;
    }

    /** Takes one token: empty when the request may go on, else how long to wait. */
    public Optional<Duration> consommer(String adresse) {
        ConsumptionProbe essai = seau(adresse).tryConsumeAndReturnRemaining(1);
        return essai.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(essai.getNanosToWaitForRefill()));
    }

    /** Whether a token is left, without taking it: empty when it is, else how long to wait. */
    public Optional<Duration> attente(String adresse) {
        Bucket seau = seaux.getIfPresent(adresse);
        if (seau == null) {
            return Optional.empty();
        }
        EstimationProbe estimation = seau.estimateAbilityToConsume(1);
        return estimation.canBeConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(estimation.getNanosToWaitForRefill()));
    }

    /** Forgets every address (tests; an operator's restart does the same). */
    public void reinitialiser() {
        seaux.invalidateAll();
    }

    private Bucket seau(String adresse) {
        return seaux.get(adresse, a -> Bucket.builder()
                .addLimit(l -> l.capacity(limite.capacite()).refillGreedy(limite.capacite(), limite.periode()))
                .withCustomTimePrecision(horloge)
                .build());
    }
}
