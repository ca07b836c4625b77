package fr.gouv.fabriques.courriel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The in-process SMTP server is a demo-mode convenience: never in production, never when a real server is given. */
class ServeurSmtpLocalConfigurationTest {

    @TempDir
    Path dossier;

    private ApplicationContextRunner contexte() {
        return new ApplicationContextRunner().withUserConfiguration(ServeurSmtpLocalConfiguration.class)
                .withPropertyValues("fabriques.notifications.serveur-local.port=0",
                        "fabriques.notifications.serveur-local.repertoire=" + dossier.resolve("mails"));
    }

    @Test
    void enDemoSansServeurSmtpLeServeurLocalDemarreEtReçoitLesCourriels() {
        contexte().run(c -> {
            ServeurSmtpLocal serveur = c.getBean(ServeurSmtpLocal.class);
            JavaMailSenderImpl sender = c.getBean(JavaMailSenderImpl.class);
            assertThat(sender.getHost()).isEqualTo("127.0.0.1");
            assertThat(sender.getPort()).isEqualTo(serveur.port()).isPositive();
            assertThat(serveur.repertoire()).isEqualTo(dossier.resolve("mails"));
        });
    }

    @Test
    void enProductionPasDeServeurLocal() {
        contexte().withPropertyValues("fabriques.mode=production").run(c -> {
            assertThat(c).doesNotHaveBean(ServeurSmtpLocal.class);
            assertThat(c).doesNotHaveBean(JavaMailSenderImpl.class);
        });
    }

    @Test
    void avecUnServeurSmtpDonnePasDeServeurLocal() {
        contexte().withPropertyValues("spring.mail.host=smtp.example.org").run(c -> assertThat(c).doesNotHaveBean(ServeurSmtpLocal.class));
    }
}
