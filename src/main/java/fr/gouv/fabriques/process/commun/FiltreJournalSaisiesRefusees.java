package fr.gouv.fabriques.process.commun;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import fr.gouv.fabriques.domain.ErreurMetier;
import org.slf4j.Marker;

/**
 * The engine logs at ERROR, with its whole stack, every exception that ends a command —
 * including a form value the server refused (a 400 for the agent, not a fault). Those
 * entries are dropped here; {@link ErreursFormulairePlugin} logs the refusal in one line.
 * Any other error of the engine is logged as before.
 */
public class FiltreJournalSaisiesRefusees extends TurboFilter {

    static final String JOURNAL_DU_MOTEUR = "org.camunda.bpm.engine.context";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level != Level.ERROR || logger == null || !JOURNAL_DU_MOTEUR.equals(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        Throwable cause = t;
        if (cause == null && params != null) {
            for (Object p : params) {
                if (p instanceof Throwable th) {
                    cause = th;
                }
            }
        }
        return ErreursFormulairePlugin.causeMetier(cause) != null ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
