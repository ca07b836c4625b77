package fr.gouv.fabriques.journal;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** The log message ({@code %m}), e-mail addresses masked ({@link Masquage}); declared in logback-spring.xml. */
public class MessageMasque extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Masquage.adresses(super.convert(event));
    }
}
