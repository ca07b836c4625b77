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

    /**
     * A session for several mails in a row: each {@link Session#envoyer} still returns once the server has accepted that mail,
     * but one connection serves them all (SMTP: connection, greeting and authentication once, not once per mail). By default,
     * each mail on its own, as {@link #envoyer}.
     */
    default Session ouvrirSession() {
        return new Session() {
            @Override
            public void envoyer(Courriel courriel) throws EchecEnvoi {
                Messagerie.this.envoyer(courriel);
            }

            @Override
            public void close() {
            }
        };
    }

    /** See {@link #ouvrirSession()}; closing it closes the connection. */
    interface Session extends AutoCloseable {
        void envoyer(Courriel courriel) throws EchecEnvoi;

        @Override
        void close();
    }

    /** {@code date} and {@code messageId} are fixed when the mail is written, so that a resend is the same message. */
    record Courriel(String destinataire, String sujet, String corps, String messageId, Instant date, String numeroDossier) {
    }

    class EchecEnvoi extends Exception {
        public EchecEnvoi(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
