package fr.gouv.fabriques.journal;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLogFormatter;

/**
 * One JSON object per line for the production logs (README « Exploitation », « Journaux »), built with Spring Boot's
 * structured-logging writer. Carries what an operator filters on and nothing personal: time, level, logger, thread,
 * the message and stack trace with e-mail addresses masked ({@link Masquage}), the request's correlation id, the
 * dossier number when the line is about one dossier (from the request path, or from the process instance's
 * business key while the engine runs a dossier's step), the wave code when it runs a wave's process, and the
 * engine's process instance and activity. No user name, no request body, no variable value.
 */
public class JournalJson implements StructuredLogFormatter<ILoggingEvent> {

    /** MDC keys: {@code correlationId} and {@code dossier} are set per request; the engine sets the others. */
    public static final String CORRELATION = "correlationId";
    public static final String DOSSIER = "dossier";
    public static final String CLE_METIER = "cleMetier";

    private static final Pattern NUMERO_DOSSIER = Pattern.compile("[A-Z]{2,6}-\\d{4}-\\d{4,6}");

    private final ThrowableProxyConverter pile = new ExceptionMasquee();
    private final JsonWriter<ILoggingEvent> ecrivain;

    public JournalJson() {
        pile.start();
        this.ecrivain = JsonWriter.<ILoggingEvent>of(m -> {
            m.add("@timestamp", e -> Instant.ofEpochMilli(e.getTimeStamp()).toString());
            m.add("niveau", e -> e.getLevel().toString());
            m.add("logger", ILoggingEvent::getLoggerName);
            m.add("thread", ILoggingEvent::getThreadName);
            m.add("message", e -> Masquage.adresses(e.getFormattedMessage()));
            m.add(CORRELATION, e -> e.getMDCPropertyMap().get(CORRELATION)).whenNotNull();
            m.add(DOSSIER, JournalJson::dossier).whenNotNull();
            m.add("vague", JournalJson::vague).whenNotNull();
            m.add("processInstanceId", e -> e.getMDCPropertyMap().get("processInstanceId")).whenNotNull();
            m.add("activityId", e -> e.getMDCPropertyMap().get("activityId")).whenNotNull();
            m.add("exception", e -> e.getThrowableProxy()).whenNotNull().usingMembers(x -> {
                x.add("type", IThrowableProxy::getClassName);
                x.add("message", t -> t.getMessage() == null ? null : Masquage.adresses(t.getMessage())).whenNotNull();
            });
            m.add("pile", e -> e.getThrowableProxy() == null ? null : pile.convert(e)).whenNotNull();
        }).withNewLineAtEnd();
    }

    @Override
    public String format(ILoggingEvent evenement) {
        return ecrivain.writeToString(evenement);
    }

    private static String dossier(ILoggingEvent e) {
        Map<String, String> mdc = e.getMDCPropertyMap();
        String numero = mdc.get(DOSSIER);
        if (numero != null) {
            return numero;
        }
        String cle = mdc.get(CLE_METIER);
        return cle != null && NUMERO_DOSSIER.matcher(cle).matches() ? cle : null;
    }

    private static String vague(ILoggingEvent e) {
        String cle = e.getMDCPropertyMap().get(CLE_METIER);
        return cle != null && !NUMERO_DOSSIER.matcher(cle).matches() ? cle : null;
    }

    /** Whether a path segment is a dossier number (FDT-2026-0001), so that nothing else lands in the {@code dossier} key. */
    public static boolean estNumeroDossier(String texte) {
        return texte != null && NUMERO_DOSSIER.matcher(texte).matches();
    }
}
