package fr.gouv.fabriques.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Production never runs on the embedded server: the start-up stops with a French report naming the variables. */
class ProductionSansBaseExterneTest {

    private final ApplicationContextRunner contexte = new ApplicationContextRunner()
            .withUserConfiguration(PostgresEmbarqueConfiguration.class)
            .withPropertyValues("fabriques.postgres-embarque.repertoire=target/jamais-cree/donnees", "fabriques.postgres-embarque.port=0");

    @Test
    void laProductionSansSpringDatasourceUrlRefuseDeDemarrer() {
        contexte.withPropertyValues("fabriques.mode=production").run(c -> {
            assertThat(c).hasFailed();
            Throwable echec = c.getStartupFailure();
            ConfigurationBaseDeDonneesInvalide cause = trouver(echec);
            assertThat(cause.getMessage()).contains("mode production", "SPRING_DATASOURCE_URL", "embarqué");
            FailureAnalysis rapport = new ConfigurationBaseDeDonneesFailureAnalyzer().analyze(echec);
            assertThat(rapport.getDescription()).contains("SPRING_DATASOURCE_URL");
            assertThat(rapport.getAction()).contains("SPRING_DATASOURCE_USERNAME", "FABRIQUES_MODE=demo");
        });
        assertThat(new java.io.File("target/jamais-cree/donnees")).doesNotExist();
    }

    @Test
    void uneBaseExterneEcarteLaConfigurationEmbarqueeMemeEnProduction() {
        contexte.withPropertyValues("fabriques.mode=production", "spring.datasource.url=jdbc:postgresql://db.example:5432/fabriques")
                .run(c -> assertThat(c).hasNotFailed().doesNotHaveBean(PostgresEmbarque.class));
    }

    private static ConfigurationBaseDeDonneesInvalide trouver(Throwable t) {
        for (Throwable e = t; e != null; e = e.getCause()) {
            if (e instanceof ConfigurationBaseDeDonneesInvalide c) {
                return c;
            }
        }
        throw new AssertionError("pas de ConfigurationBaseDeDonneesInvalide dans " + t);
    }
}
