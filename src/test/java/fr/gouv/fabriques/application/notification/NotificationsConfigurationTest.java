package fr.gouv.fabriques.application.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class NotificationsConfigurationTest {

    private final ApplicationContextRunner contexte = new ApplicationContextRunner()
            .withUserConfiguration(NotificationsConfiguration.class);

    @Test
    void enProductionSansServeurSmtpNiExpediteurNiAdresseLeDemarrageEchoueEnDisantQuoiDonner() {
        contexte.withPropertyValues("fabriques.mode=production").run(c -> {
            assertThat(c).hasFailed();
            assertThat(c.getStartupFailure()).rootCause().isInstanceOf(ConfigurationCourrielsInvalide.class)
                    .hasMessageContaining("SPRING_MAIL_HOST")
                    .hasMessageContaining("FABRIQUES_NOTIFICATIONS_EXPEDITEUR")
                    .hasMessageContaining("FABRIQUES_NOTIFICATIONS_URLAPPLICATION");
        });
    }

    @Test
    void enProductionAvecLesTroisValeursLesCourrielsLesUtilisent() {
        contexte.withPropertyValues("fabriques.mode=production", "spring.mail.host=smtp.example.gouv.fr",
                "fabriques.notifications.expediteur=Fabriques de Territoire <ne-pas-repondre@fabriques.example.gouv.fr>",
                "fabriques.notifications.url-application=https://fabriques.example.gouv.fr/").run(c -> {
                    Expedition e = c.getBean(Expedition.class);
                    assertThat(e.domaine()).isEqualTo("fabriques.example.gouv.fr");
                    assertThat(e.lienDossier("FDT-2026-0001")).isEqualTo("https://fabriques.example.gouv.fr/api/dossiers/FDT-2026-0001");
                });
    }

    @Test
    void enDemoLesValeursParDefautSuffisent() {
        contexte.withPropertyValues("server.port=8092").run(c -> {
            Expedition e = c.getBean(Expedition.class);
            assertThat(e.expediteur()).isEqualTo(NotificationsConfiguration.EXPEDITEUR_DEMO);
            assertThat(e.lienDossier("FDT-2026-0001")).isEqualTo("http://localhost:8092/api/dossiers/FDT-2026-0001");
        });
    }

    @Test
    void uneValeurDeReglageIncoherenteEstRefusee() {
        contexte.withPropertyValues("fabriques.notifications.delai-relance-initial=PT2H", "fabriques.notifications.delai-relance-max=PT1H")
                .run(c -> assertThat(c.getStartupFailure()).rootCause().hasMessageContaining("delai-relance-max"));
    }
}
