package fr.gouv.fabriques.process.identite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigurationIdentiteTest {

    @Test
    void leModeEstLuSansEgardALaCasseNiAuxEspaces() {
        assertThat(ModeFonctionnement.depuis("demo")).isEqualTo(ModeFonctionnement.DEMO);
        assertThat(ModeFonctionnement.depuis(" Production ")).isEqualTo(ModeFonctionnement.PRODUCTION);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"prod", "dev", "démo", "test"})
    void unModeInconnuArreteLeDemarrage(String mode) {
        assertThatThrownBy(() -> ConfigurationIdentite.valider(mode, "admin", "un mot de passe solide"))
                .isInstanceOf(ConfigurationIdentiteInvalideException.class)
                .hasMessageContaining("fabriques.mode")
                .hasMessageContaining("FABRIQUES_MODE")
                .hasMessageContaining("demo, production");
    }

    @Test
    void enDemoLeMotDePasseConfigureEstIgnore() {
        ConfigurationIdentite demo = ConfigurationIdentite.valider("demo", "chef", "");
        assertThat(demo.demo()).isTrue();
        assertThat(demo.adminId()).isEqualTo("admin");
        assertThat(demo.adminMotDePasse()).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void enProductionUnMotDePasseAbsentArreteLeDemarrage(String motDePasse) {
        assertThatThrownBy(() -> ConfigurationIdentite.valider("production", "exploitation", motDePasse))
                .isInstanceOf(ConfigurationIdentiteInvalideException.class)
                .hasMessageContaining("FABRIQUES_ADMIN_PASSWORD")
                .hasMessageContaining("absent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"administrateur", "ADMINISTRATEUR", " administrateur "})
    void enProductionUnMotDePasseEgalALIdentifiantArreteLeDemarrage(String motDePasse) {
        assertThatThrownBy(() -> ConfigurationIdentite.valider("production", "administrateur", motDePasse))
                .isInstanceOf(ConfigurationIdentiteInvalideException.class)
                .hasMessageContaining("FABRIQUES_ADMIN_PASSWORD")
                .hasMessageContaining("égal à son identifiant");
    }

    @Test
    void enProductionUnMotDePasseDeMoinsDeDouzeCaracteresArreteLeDemarrage() {
        assertThatThrownBy(() -> ConfigurationIdentite.valider("production", "exploitation", "onze-caract"))
                .isInstanceOf(ConfigurationIdentiteInvalideException.class)
                .hasMessageContaining("FABRIQUES_ADMIN_PASSWORD")
                .hasMessageContaining("trop court (11 caractères)");
        // Counted in characters, not bytes.
        assertThat(ConfigurationIdentite.valider("production", "exploitation", "éèêëàâäîïôöù").adminMotDePasse())
                .hasSize(12);
    }

    @Test
    void enProductionLIdentifiantDeLAdministrateurEstObligatoire() {
        assertThatThrownBy(() -> ConfigurationIdentite.valider("production", " ", "un mot de passe solide"))
                .isInstanceOf(ConfigurationIdentiteInvalideException.class)
                .hasMessageContaining("fabriques.admin.id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "Admin", " ADMIN "})
    void enProductionLIdentifiantDeDemonstrationAdminEstRefuse(String id) {
        assertThatThrownBy(() -> ConfigurationIdentite.valider("production", id, "un mot de passe solide"))
                .isInstanceOf(ConfigurationIdentiteInvalideException.class)
                .hasMessageContaining("FABRIQUES_ADMIN_ID")
                .hasMessageContaining("l'identifiant de démonstration")
                .hasMessageContaining("autre que « admin »");
    }

    @Test
    void uneConfigurationValideNAfficheJamaisLeMotDePasse() {
        ConfigurationIdentite production = ConfigurationIdentite.valider("production", " chef ", "douze-caracteres");
        assertThat(production.demo()).isFalse();
        assertThat(production.adminId()).isEqualTo("chef");
        assertThat(production.adminMotDePasse()).isEqualTo("douze-caracteres");
        assertThat(production.toString()).doesNotContain("douze-caracteres").contains("***");
    }
}
