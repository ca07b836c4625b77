package fr.gouv.fabriques.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Local run without any set-up: when no {@code spring.datasource.url} is given, a
 * PostgreSQL 15 server is started from the binaries shipped in a Maven artifact,
 * with its data in a folder that survives restarts (git-ignored): {@link PostgresEmbarque}.
 * With {@code SPRING_DATASOURCE_URL} set, this configuration stays out of the way.
 * In production mode the embedded server is refused: the start-up stops, naming the variables.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(PostgresEmbarqueConfiguration.SansDataSourceExterne.class)
public class PostgresEmbarqueConfiguration {

    @Bean(destroyMethod = "close")
    PostgresEmbarque postgresEmbarque(
            @Value("${fabriques.mode:demo}") String mode,
            @Value("${fabriques.postgres-embarque.repertoire}") String repertoire,
            @Value("${fabriques.postgres-embarque.port}") int port,
            @Value("${fabriques.postgres-embarque.nettoyer:false}") boolean nettoyer,
            @Value("${fabriques.postgres-embarque.statistiques-sql:false}") boolean statistiquesSql) {
        if ("production".equals(mode.strip().toLowerCase(Locale.ROOT))) {
            throw new ConfigurationBaseDeDonneesInvalide("En mode production, l'application exige une base PostgreSQL externe : "
                    + "spring.datasource.url (variable SPRING_DATASOURCE_URL) n'est pas renseignée. Le PostgreSQL embarqué, "
                    + "fait pour la démonstration sur un poste, n'est jamais démarré en production.");
        }
        File donnees = new File(repertoire).getAbsoluteFile();
        File binaires = new File(donnees.getParentFile(), "postgres-binaires");
        try {
            return PostgresEmbarque.demarrer(donnees, binaires, port, nettoyer, statistiquesSql);
        } catch (IOException e) {
            throw new UncheckedIOException("Impossible de démarrer PostgreSQL embarqué dans " + donnees
                    + " (port " + port + " déjà pris ? donnez SPRING_DATASOURCE_URL pour une base externe)", e);
        }
    }

    /** The same pool settings as an external database ({@code spring.datasource.hikari.*}: short connection and validation timeouts). */
    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    DataSource dataSource(PostgresEmbarque pg) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(pg.jdbcUrl());
        ds.setUsername("postgres");
        ds.setPassword("postgres");
        ds.setPoolName("fabriques-embarque");
        return ds;
    }

    static class SansDataSourceExterne implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
