package fr.gouv.fabriques.journal;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.boot.logging.logback.StructuredLogEncoder;

/**
 * The console encoder of logback-spring.xml: readable text lines by default, one JSON object per line
 * ({@link JournalJson}) in production mode or when {@code fabriques.journal.format=json} (FABRIQUES_JOURNAL_FORMAT).
 * A format named explicitly wins over the mode, so an operator can read text in production or test JSON locally.
 */
public class EncodeurJournal extends EncoderBase<ILoggingEvent> {

    private String format = "";
    private String mode = "demo";
    private String pattern;
    private Charset charset = StandardCharsets.UTF_8;
    private Encoder<ILoggingEvent> delegue;

    public void setFormat(String format) {
        this.format = format == null ? "" : format.strip().toLowerCase(Locale.ROOT);
    }

    public void setMode(String mode) {
        this.mode = mode == null ? "demo" : mode.strip().toLowerCase(Locale.ROOT);
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public void setCharset(Charset charset) {
        this.charset = charset;
    }

    /** The format chosen: {@code json} or {@code texte}. */
    String formatRetenu() {
        if (format.equals("json") || format.equals("texte")) {
            return format;
        }
        if (!format.isEmpty()) {
            addWarn("fabriques.journal.format « " + format + " » inconnu (json ou texte attendu) : format selon le mode");
        }
        return mode.equals("production") ? "json" : "texte";
    }

    @Override
    public void start() {
        if (formatRetenu().equals("json")) {
            StructuredLogEncoder json = new StructuredLogEncoder();
            json.setContext(getContext());
            json.setFormat(JournalJson.class.getName());
            // JSON is UTF-8 (RFC 8259), whatever the locale of the container (POSIX: ASCII, accents lost).
            json.setCharset(StandardCharsets.UTF_8);
            json.start();
            delegue = json;
        } else {
            PatternLayoutEncoder texte = new PatternLayoutEncoder();
            texte.setContext(getContext());
            texte.setPattern(pattern);
            texte.setCharset(charset);
            texte.start();
            delegue = texte;
        }
        super.start();
    }

    @Override
    public void stop() {
        if (delegue != null) {
            delegue.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegue.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent evenement) {
        return delegue.encode(evenement);
    }

    @Override
    public byte[] footerBytes() {
        return delegue.footerBytes();
    }
}
