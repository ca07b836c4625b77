package fr.gouv.fabriques.courriel;

import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real SMTP server (GreenMail) inside the application, on 127.0.0.1, for the local
 * demonstration and the integration tests: every message it receives is also written to a
 * {@code .eml} file (one per recipient) that a mail client opens and a text editor reads. Never started in production (see {@link ServeurSmtpLocalConfiguration}).
 */
public class ServeurSmtpLocal {

    private static final Logger LOG = LoggerFactory.getLogger(ServeurSmtpLocal.class);
    private static final DateTimeFormatter HORODATAGE = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final Path repertoire;
    private final AtomicLong compteur = new AtomicLong();
    private int port;
    private GreenMail greenMail;

    /** @param port 0 for any free port (kept across {@link #arreter()} / {@link #demarrer()}) */
    public ServeurSmtpLocal(int port, Path repertoire) {
        this.port = port;
        this.repertoire = repertoire.toAbsolutePath();
    }

    public synchronized void demarrer() {
        if (greenMail != null) {
            return;
        }
        try {
            Files.createDirectories(repertoire);
        } catch (IOException e) {
            throw new UncheckedIOException("Impossible de créer le dossier des courriels " + repertoire, e);
        }
        GreenMail gm = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        gm.start();
        UserManager utilisateurs = gm.getUserManager();
        MessageDeliveryHandler livraison = utilisateurs.getMessageDeliveryHandler();
        // Called for each recipient, before the server answers the client: the file exists once the mail is accepted.
        utilisateurs.setMessageDeliveryHandler((message, adresse) -> {
            ecrire(message.getMessage(), adresse.getEmail());
            return livraison.handle(message, adresse);
        });
        port = gm.getSmtp().getPort();
        greenMail = gm;
        LOG.info("Serveur SMTP local démarré sur 127.0.0.1:{} ; courriels reçus écrits dans {}", port, repertoire);
    }

    public synchronized void arreter() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    public synchronized int port() {
        return port;
    }

    public Path repertoire() {
        return repertoire;
    }

    /** What the server received since it was (re)started, every recipient's copy. */
    public synchronized List<MimeMessage> messagesRecus() {
        return greenMail == null ? List.of() : List.of(greenMail.getReceivedMessages());
    }

    private void ecrire(MimeMessage message, String destinataire) {
        String nom = HORODATAGE.format(LocalDateTime.now()) + "-" + compteur.incrementAndGet() + "_"
                + destinataire.replaceAll("[^A-Za-z0-9@._-]", "_") + ".eml";
        Path fichier = repertoire.resolve(nom);
        Path temporaire = repertoire.resolve(nom + ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temporaire)) {
                ecrireLisible(message, out);
            }
            Files.move(temporaire, fichier, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | MessagingException e) {
            // The mail is still delivered to the in-memory box; only the readable copy is missing.
            LOG.error("Courriel reçu pour {} non écrit dans {}", destinataire, fichier, e);
        }
    }

    /**
     * The message as received, except that a UTF-8 plain-text body is written decoded
     * (8bit instead of quoted-printable): the file reads in a text editor as well as in a
     * mail client. Anything else is written byte for byte.
     */
    static void ecrireLisible(MimeMessage message, OutputStream out) throws IOException, MessagingException {
        Object contenu = message.getContent();
        String charset = new ContentType(message.getContentType()).getParameter("charset");
        if (!message.isMimeType("text/plain") || !(contenu instanceof String texte) || !"UTF-8".equalsIgnoreCase(charset)) {
            message.writeTo(out);
            return;
        }
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        for (Enumeration<String> lignes = message.getAllHeaderLines(); lignes.hasMoreElements(); ) {
            String ligne = lignes.nextElement();
            if (!ligne.regionMatches(true, 0, "Content-Transfer-Encoding:", 0, "Content-Transfer-Encoding:".length())) {
                w.write(ligne + "\r\n");
            }
        }
        w.write("Content-Transfer-Encoding: 8bit\r\n\r\n");
        w.write(texte.replace("\r\n", "\n").replace("\n", "\r\n"));
        w.flush();
    }
}
