package fr.gouv.fabriques.process.commun;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * One clock for the whole application: the engine's. Timestamps written by the use
 * cases and the timers of the BPMN agree, and a test that moves the engine's clock
 * (ClockUtil) moves the application's too.
 */
public class HorlogeMoteur extends Clock {

    private final ZoneId zone;

    public HorlogeMoteur(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId autre) {
        return new HorlogeMoteur(autre);
    }

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
