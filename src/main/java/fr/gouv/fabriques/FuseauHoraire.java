package fr.gouv.fabriques;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.TimeZone;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * The server works in Europe/Paris whatever the machine's time zone (a container is often in
 * UTC): the engine evaluates timers, due dates and the history clean-up window
 * (« 01:00 »–« 05:00 ») in the JVM's default zone and writes that zone's offset in the dates of
 * its REST API (same format, « yyyy-MM-dd'T'HH:mm:ss.SSSZ », that the webapps read), and the logs
 * are stamped in it. The application's own dates already name Europe/Paris ({@code Vague.FUSEAU}).
 *
 * <p>Set from {@code fabriques.fuseau-horaire} (Europe/Paris by default) as soon as the
 * configuration is read, before the logs and before any bean. The webapps show dates in the
 * browser's zone (README, « Interface en français »).
 */
public class FuseauHoraire implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static final String PROPRIETE = "fabriques.fuseau-horaire";
    static final String PAR_DEFAUT = "Europe/Paris";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent evenement) {
        String nom = evenement.getEnvironment().getProperty(PROPRIETE, PAR_DEFAUT);
        TimeZone.setDefault(TimeZone.getTimeZone(zone(nom)));
    }

    static ZoneId zone(String nom) {
        try {
            return ZoneId.of(nom.strip());
        } catch (DateTimeException e) {
            // TimeZone.getTimeZone would silently fall back to GMT.
            throw new IllegalStateException(PROPRIETE + " : fuseau horaire inconnu « " + nom + " » (exemple : Europe/Paris)", e);
        }
    }

    /** Before the logging system starts (LoggingApplicationListener: HIGHEST_PRECEDENCE + 20). */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
