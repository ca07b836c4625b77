package fr.gouv.fabriques.journal;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/** The stack trace of a log entry ({@code %wEx}), e-mail addresses masked: an SMTP error often repeats the recipient. */
public class ExceptionMasquee extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        return Masquage.adresses(super.throwableProxyToString(tp));
    }
}
