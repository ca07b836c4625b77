package fr.gouv.fabriques.application.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationsProperties.class)
class NotificationsConfiguration {

    /** Sender of the local demonstration (mails go to the in-process SMTP server, see the courriel package). */
    static final String EXPEDITEUR_DEMO = "Fabriques de Territoire <ne-pas-repondre@fabriques.localhost>";

    @Bean
    ModelesCourriels modelesCourriels() {
        return ModelesCourriels.depuisClasspath("notifications");
    }

    /**
     * In production the SMTP server, the sender and the application's address must be given:
     * a demo default there would send mails nobody can receive, or links nobody can open.
     */
    @Bean
    Expedition expedition(NotificationsProperties proprietes, Environment env) {
        boolean production = "production".equals(env.getProperty("fabriques.mode", "demo").strip().toLowerCase(Locale.ROOT));
        String expediteur = proprietes.expediteur();
        String url = proprietes.urlApplication();
        if (production) {
            List<String> manquants = new ArrayList<>();
            if (!StringUtils.hasText(env.getProperty("spring.mail.host"))) {
                manquants.add("SPRING_MAIL_HOST (serveur SMTP ; et au besoin SPRING_MAIL_PORT, SPRING_MAIL_USERNAME, SPRING_MAIL_PASSWORD)");
            }
            if (!StringUtils.hasText(expediteur)) {
                manquants.add("FABRIQUES_NOTIFICATIONS_EXPEDITEUR (adresse d'expédition, ex. « Fabriques de Territoire <ne-pas-repondre@exemple.gouv.fr> »)");
            }
            if (!StringUtils.hasText(url)) {
                manquants.add("FABRIQUES_NOTIFICATIONS_URLAPPLICATION (adresse publique de l'application, pour le lien de suivi du dossier)");
            }
            if (!manquants.isEmpty()) {
                throw new ConfigurationCourrielsInvalide("En mode production, les courriels aux porteurs exigent : " + String.join(" ; ", manquants));
            }
        }
        try {
            return new Expedition(StringUtils.hasText(expediteur) ? expediteur.strip() : EXPEDITEUR_DEMO,
                    StringUtils.hasText(url) ? url.strip() : "http://localhost:" + env.getProperty("server.port", "8080"));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationCourrielsInvalide("fabriques.notifications.expediteur : " + e.getMessage());
        }
    }
}
