package fr.gouv.fabriques.courriel;

import fr.gouv.fabriques.application.notification.Expedition;
import fr.gouv.fabriques.application.port.Messagerie;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a mail of the outbox with Spring's {@link JavaMailSender} over SMTP: plain text,
 * UTF-8, with the Message-ID and Date fixed when the mail was written (a resend is then the
 * same message for the recipient's mail client).
 */
@Component
class MessagerieSmtp implements Messagerie {

    private final JavaMailSender mail;
    private final InternetAddress expediteur;

    MessagerieSmtp(JavaMailSender mail, Expedition expedition) {
        this.mail = mail;
        this.expediteur = adresse(expedition.expediteur());
    }

    @Override
    public void envoyer(Courriel c) throws EchecEnvoi {
        MimeMessage message;
        try {
            message = preparer(c);
        } catch (MessagingException e) {
            throw new EchecEnvoi("courriel impossible à composer pour « " + c.destinataire() + " » : " + e.getMessage(), e);
        }
        try {
            // JavaMailSenderImpl keeps a Message-ID that is already set.
            mail.send(message);
        } catch (MailException e) {
            throw new EchecEnvoi("serveur SMTP : " + e.getMessage(), e);
        }
    }

    /**
     * One SMTP connection for the mails of a batch, opened at the first mail and kept while the server accepts them; a mail the
     * server or the connection refuses closes it (that mail fails alone, as with {@link #envoyer}), and the next mail opens a
     * new one. Without Spring's {@link JavaMailSenderImpl} (tests), each mail on its own.
     */
    @Override
    public Session ouvrirSession() {
        if (!(mail instanceof JavaMailSenderImpl impl)) {
            return Messagerie.super.ouvrirSession();
        }
        return new Session() {
            private Transport transport;

            @Override
            public void envoyer(Courriel c) throws EchecEnvoi {
                MimeMessage message;
                try {
                    message = preparer(c);
                    // What JavaMailSenderImpl#doSend does before sending: headers fixed, the Message-ID set here kept.
                    message.saveChanges();
                    message.setHeader("Message-ID", c.messageId());
                } catch (MessagingException e) {
                    throw new EchecEnvoi("courriel impossible à composer pour « " + c.destinataire() + " » : " + e.getMessage(), e);
                }
                boolean reprise = transport != null;
                try {
                    envoyerSurLaConnexion(message);
                } catch (MessagingException e) {
                    fermer();
                    // The server refused the mail (the same answer on any connection), or this was a new connection: no second try.
                    if (!reprise || refuseParLeServeur(e)) {
                        throw new EchecEnvoi("serveur SMTP : " + e.getMessage(), e);
                    }
                    // A kept connection the server has dropped meanwhile (idle time, mails per connection): once more, on a new one.
                    try {
                        envoyerSurLaConnexion(message);
                    } catch (MessagingException encore) {
                        fermer();
                        throw new EchecEnvoi("serveur SMTP : " + encore.getMessage(), encore);
                    }
                }
            }

            /**
             * A refusal is an answer of the server (a reply code, refused addresses). A connection it dropped meanwhile may also
             * surface as a {@link SendFailedException}, at the first command, with no reply ({@code [EOF]}, code -1): that one is not.
             */
            private static boolean refuseParLeServeur(MessagingException e) {
                if (e instanceof SMTPSendFailedException s) {
                    return s.getReturnCode() > 0;
                }
                return e instanceof SendFailedException;
            }

            private void envoyerSurLaConnexion(MimeMessage message) throws MessagingException {
                if (transport == null) {
                    transport = impl.getSession().getTransport(impl.getProtocol() == null ? "smtp" : impl.getProtocol());
                    try {
                        transport.connect(impl.getHost(), impl.getPort(), impl.getUsername(), impl.getPassword());
                    } catch (MessagingException e) {
                        transport = null;
                        throw e;
                    }
                }
                transport.sendMessage(message, message.getAllRecipients());
            }

            private void fermer() {
                if (transport != null) {
                    try {
                        transport.close();
                    } catch (MessagingException e) {
                        // The connection is dropped either way; the mails it accepted are marked sent already.
                    }
                    transport = null;
                }
            }

            @Override
            public void close() {
                fermer();
            }
        };
    }

    MimeMessage preparer(Courriel c) throws MessagingException {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper h = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        h.setFrom(expediteur);
        h.setTo(new InternetAddress(c.destinataire(), true));
        h.setSubject(c.sujet());
        h.setText(c.corps(), false);
        h.setSentDate(Date.from(c.date()));
        message.setHeader("Message-ID", c.messageId());
        // RFC 3834: an automatic message; out-of-office replies should not answer it.
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("X-Fabriques-Dossier", c.numeroDossier());
        return message;
    }

    /** « Nom <adresse> », the name encoded for the header if it has accents. */
    static InternetAddress adresse(String texte) {
        try {
            InternetAddress lue = new InternetAddress(texte, true);
            return lue.getPersonal() == null ? lue : new InternetAddress(lue.getAddress(), lue.getPersonal(), StandardCharsets.UTF_8.name());
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("fabriques.notifications.expediteur n'est pas une adresse valide : « " + texte + " »", e);
        }
    }
}
