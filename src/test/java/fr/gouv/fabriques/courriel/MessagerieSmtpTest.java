package fr.gouv.fabriques.courriel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.gouv.fabriques.application.notification.Expedition;
import fr.gouv.fabriques.application.port.Messagerie;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The SMTP adapter against a real SMTP server on 127.0.0.1 (the in-process one of the demo mode). */
class MessagerieSmtpTest {

    @TempDir
    Path dossier;
    ServeurSmtpLocal serveur;
    MessagerieSmtp messagerie;

    static final Messagerie.Courriel COURRIEL = new Messagerie.Courriel("camille@fabrique-du-val.fr",
            "Pièces complémentaires demandées — dossier FDT-2026-0007", "Bonjour Camille Martin,\n\nPièces demandées : RIB, statuts signés.\n",
            "<FDT-2026-0007.42.0b6c@fabriques.localhost>", Instant.parse("2026-03-03T13:05:00Z"), "FDT-2026-0007");

    @BeforeEach
    void demarrer() {
        serveur = new ServeurSmtpLocal(0, dossier.resolve("mails"));
        serveur.demarrer();
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(serveur.port());
        messagerie = new MessagerieSmtp(sender, new Expedition("Fabriques de Territoire — démo <ne-pas-repondre@fabriques.localhost>",
                "http://localhost:8080"));
    }

    @AfterEach
    void arreter() {
        serveur.arreter();
    }

    @Test
    void leCourrielArriveAvecSonMessageIdSaDateEtSonTexteEnUtf8() throws Exception {
        messagerie.envoyer(COURRIEL);

        assertThat(serveur.messagesRecus()).hasSize(1);
        MimeMessage recu = serveur.messagesRecus().get(0);
        assertThat(recu.getMessageID()).isEqualTo("<FDT-2026-0007.42.0b6c@fabriques.localhost>");
        assertThat(recu.getSentDate().toInstant()).isEqualTo(Instant.parse("2026-03-03T13:05:00Z"));
        assertThat(recu.getSubject()).isEqualTo("Pièces complémentaires demandées — dossier FDT-2026-0007");
        assertThat(((String) recu.getContent()).replace("\r\n", "\n").strip()).isEqualTo(COURRIEL.corps().strip());
        assertThat(recu.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("UTF-8");
        assertThat(recu.getRecipients(Message.RecipientType.TO)).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("camille@fabrique-du-val.fr");
        InternetAddress de = (InternetAddress) recu.getFrom()[0];
        assertThat(de.getAddress()).isEqualTo("ne-pas-repondre@fabriques.localhost");
        assertThat(de.getPersonal()).isEqualTo("Fabriques de Territoire — démo");
        assertThat(recu.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(recu.getHeader("X-Fabriques-Dossier")).containsExactly("FDT-2026-0007");
    }

    @Test
    void chaqueCourrielRecuEstEcritEnEmlLisible() throws Exception {
        messagerie.envoyer(COURRIEL);

        // Written before the server accepts the mail: no wait needed.
        List<Path> fichiers;
        try (Stream<Path> s = Files.list(serveur.repertoire())) {
            fichiers = s.toList();
        }
        assertThat(fichiers).hasSize(1);
        assertThat(fichiers.get(0).getFileName().toString()).endsWith("_camille@fabrique-du-val.fr.eml");
        String eml = Files.readString(fichiers.get(0), StandardCharsets.UTF_8);
        assertThat(eml).contains("Message-ID: <FDT-2026-0007.42.0b6c@fabriques.localhost>")
                .contains("To: camille@fabrique-du-val.fr").contains("X-Fabriques-Dossier: FDT-2026-0007")
                .as("le texte se lit tel quel").contains("Pièces demandées : RIB, statuts signés.")
                .contains("Content-Transfer-Encoding: 8bit").doesNotContain("quoted-printable");
        // …and is still a mail: a mail client reads the same message.
        MimeMessage relu = new MimeMessage(null, Files.newInputStream(fichiers.get(0)));
        assertThat(relu.getSubject()).isEqualTo(COURRIEL.sujet());
        assertThat(relu.getMessageID()).isEqualTo(COURRIEL.messageId());
        assertThat(((String) relu.getContent()).replace("\r\n", "\n").strip()).isEqualTo(COURRIEL.corps().strip());
    }

    @Test
    void unRenvoiEstLeMemeMessage() throws Exception {
        messagerie.envoyer(COURRIEL);
        messagerie.envoyer(COURRIEL);

        assertThat(serveur.messagesRecus()).hasSize(2);
        assertThat(serveur.messagesRecus().get(1).getMessageID()).isEqualTo(serveur.messagesRecus().get(0).getMessageID());
        assertThat(serveur.messagesRecus().get(1).getSentDate()).isEqualTo(serveur.messagesRecus().get(0).getSentDate());
    }

    @Test
    void serveurArreteEchecPuisRepriseSurLeMemePort() throws Exception {
        int port = serveur.port();
        serveur.arreter();

        assertThatThrownBy(() -> messagerie.envoyer(COURRIEL)).isInstanceOf(Messagerie.EchecEnvoi.class)
                .hasMessageContaining("serveur SMTP");

        serveur.demarrer();
        assertThat(serveur.port()).isEqualTo(port);
        messagerie.envoyer(COURRIEL);
        assertThat(serveur.messagesRecus()).hasSize(1);
    }

    @Test
    void uneAdresseDestinataireInvalideEstUnEchec() {
        Messagerie.Courriel invalide = new Messagerie.Courriel("pas une adresse", "Objet", "Texte", "<a.1@fabriques.localhost>",
                Instant.parse("2026-03-03T13:05:00Z"), "FDT-2026-0001");
        assertThatThrownBy(() -> messagerie.envoyer(invalide)).isInstanceOf(Messagerie.EchecEnvoi.class);
        assertThat(serveur.messagesRecus()).isEmpty();
    }
}
