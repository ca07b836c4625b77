package fr.gouv.fabriques.application.port;

import java.time.Instant;

/** The way mails leave the application (SMTP). */
public interface Messagerie {

    /**
     * Hands one mail to the mail server; returns once the server has accepted it.
     *
     * @throws EchecEnvoi when the server could not be reached or refused the mail
     */
    void envoyer(Courriel courriel) throws EchecEnvoi;

    /** {@code date} and {@code messageId} are fixed when the mail is written, so that a resend is the same message. */
    record Courriel(String destinataire, String sujet, String corps, String messageId, Instant date, String numeroDossier) {
    }

    class EchecEnvoi extends Exception {
        public EchecEnvoi(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
