package fr.gouv.fabriques.persistence;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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
 * with its data in a folder that survives restarts (git-ignored).
 * With {@code SPRING_DATASOURCE_URL} set, this configuration stays out of the way.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(PostgresEmbarqueConfiguration.SansDataSourceExterne.class)
public class PostgresEmbarqueConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresEmbarqueConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres postgresEmbarque(
            @Value("${fabriques.postgres-embarque.repertoire}") String repertoire,
            @Value("${fabriques.postgres-embarque.port}") int port,
            @Value("${fabriques.postgres-embarque.nettoyer:false}") boolean nettoyer) {
        File donnees = new File(repertoire).getAbsoluteFile();
        File binaires = new File(donnees.getParentFile(), "postgres-binaires");
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(donnees)
                    .setCleanDataDirectory(nettoyer)
                    .setOverrideWorkingDirectory(binaires)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setLocaleConfig("encoding", "UTF8")
                    .setRegisterShutdownHook(false);
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            LOG.info("PostgreSQL embarqué démarré sur 127.0.0.1:{} (données : {})", pg.getPort(), donnees);
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Impossible de démarrer PostgreSQL embarqué dans " + donnees
                    + " (port " + port + " déjà pris ? donnez SPRING_DATASOURCE_URL pour une base externe)", e);
        }
    }

    @Bean
    @Primary
    DataSource dataSource(EmbeddedPostgres pg) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setPassword("postgres");
        ds.setMaximumPoolSize(10);
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
