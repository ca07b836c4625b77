package fr.gouv.fabriques.courriel;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.StringUtils;

/**
 * Demo mode without {@code spring.mail.host}: the mails go to an SMTP server started
 * inside the application, which writes them to {@code fabriques.notifications.serveur-local.repertoire}
 * ({@code donnees/mails/}). With {@code SPRING_MAIL_HOST} set — always, in production — this
 * configuration stays out of the way and Spring Boot's own {@code JavaMailSender} talks to that server.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ServeurSmtpLocalConfiguration.DemoSansSmtpExterne.class)
class ServeurSmtpLocalConfiguration {

    @Bean(destroyMethod = "arreter")
    ServeurSmtpLocal serveurSmtpLocal(@Value("${fabriques.notifications.serveur-local.port:0}") int port,
            @Value("${fabriques.notifications.serveur-local.repertoire:donnees/mails}") String repertoire) {
        ServeurSmtpLocal serveur = new ServeurSmtpLocal(port, Path.of(repertoire));
        serveur.demarrer();
        return serveur;
    }

    @Bean
    JavaMailSenderImpl javaMailSender(ServeurSmtpLocal serveur, Environment env) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(serveur.port());
        sender.setDefaultEncoding("UTF-8");
        Properties p = new Properties();
        for (String cle : new String[] {"mail.smtp.connectiontimeout", "mail.smtp.timeout", "mail.smtp.writetimeout"}) {
            p.setProperty(cle, env.getProperty("spring.mail.properties." + cle, "10000"));
        }
        sender.setJavaMailProperties(p);
        return sender;
    }

    static class DemoSansSmtpExterne implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment env = context.getEnvironment();
            boolean production = "production".equals(env.getProperty("fabriques.mode", "demo").strip().toLowerCase(Locale.ROOT));
            return !production && !StringUtils.hasText(env.getProperty("spring.mail.host"));
        }
    }
}
