package fr.gouv.fabriques.process.identite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The start-up wiring, without database or engine: the settings are read from the
 * environment and a bad one stops the context with the French message, which the failure
 * analyzer turns into Spring Boot's start-up report.
 */
class IdentiteConfigurationTest {

    private final ApplicationContextRunner contexte = new ApplicationContextRunner()
            .withUserConfiguration(IdentiteConfiguration.class);

    @Test
    void parDefautLeModeEstDemo() {
        contexte.run(c -> {
            assertThat(c).hasNotFailed();
            assertThat(c.getBean(ConfigurationIdentite.class).demo()).isTrue();
            assertThat(c).hasSingleBean(IdentitePlugin.class);
        });
    }

    @Test
    void laProductionSansIdentifiantDAdministrateurNeDemarrePas() {
        // No default id in production: « admin » would be the demo one everybody knows.
        contexte.withPropertyValues("fabriques.mode=production", "fabriques.admin.password=un mot de passe solide").run(c -> {
            assertThat(c.getStartupFailure()).rootCause()
                    .isInstanceOf(ConfigurationIdentiteInvalideException.class)
                    .hasMessageContaining("FABRIQUES_ADMIN_ID");
            assertThat(new ConfigurationIdentiteFailureAnalyzer().analyze(c.getStartupFailure()).getAction()).contains("FABRIQUES_ADMIN_ID");
        });
        contexte.withPropertyValues("fabriques.mode=production", "fabriques.admin.id=admin", "fabriques.admin.password=un mot de passe solide")
                .run(c -> assertThat(c.getStartupFailure()).rootCause().hasMessageContaining("autre que « admin »"));
    }

    @Test
    void laProductionSansMotDePasseNeDemarrePas() {
        contexte.withPropertyValues("fabriques.mode=production", "fabriques.admin.id=chef").run(c -> {
            assertThat(c).hasFailed();
            Throwable echec = c.getStartupFailure();
            assertThat(echec).rootCause()
                    .isInstanceOf(ConfigurationIdentiteInvalideException.class)
                    .hasMessageContaining("FABRIQUES_ADMIN_PASSWORD");
            FailureAnalysis rapport = new ConfigurationIdentiteFailureAnalyzer().analyze(echec);
            assertThat(rapport.getDescription()).contains("FABRIQUES_ADMIN_PASSWORD");
            assertThat(rapport.getAction()).contains("FABRIQUES_ADMIN_PASSWORD");
        });
    }

    @Test
    void laProductionAvecUnMotDePasseSolideDemarre() {
        contexte.withPropertyValues("fabriques.mode=production", "fabriques.admin.id=chef",
                "fabriques.admin.password=un mot de passe solide").run(c -> {
                    assertThat(c).hasNotFailed();
                    assertThat(c.getBean(ConfigurationIdentite.class).adminId()).isEqualTo("chef");
                });
    }

    @Test
    void unModeInconnuNeDemarrePas() {
        contexte.withPropertyValues("fabriques.mode=prod").run(c -> assertThat(c.getStartupFailure())
                .rootCause().hasMessageContaining("FABRIQUES_MODE"));
    }

    @Test
    void lesReglagesDIdentiteDuStarterSontRefuses() {
        contexte.withPropertyValues("camunda.bpm.admin-user.id=admin").run(c -> assertThat(c.getStartupFailure())
                .rootCause().hasMessageContaining("camunda.bpm.admin-user.id"));
        contexte.withPropertyValues("camunda.bpm.filter.create=All tasks").run(c -> assertThat(c.getStartupFailure())
                .rootCause().hasMessageContaining("camunda.bpm.filter.create"));
    }
}
