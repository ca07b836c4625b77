package fr.gouv.fabriques.process.identite;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the identity set-up. The settings are validated when the first bean is created,
 * so a bad mode or a weak production password stops the start-up before the engine runs.
 * The starter's own {@code camunda.bpm.admin-user} and {@code camunda.bpm.filter.create}
 * are refused: the first defaults the admin's password to its id, the second re-creates a
 * filter listing every readable task.
 */
@Configuration(proxyBeanMethods = false)
public class IdentiteConfiguration {

    @Bean
    ConfigurationIdentite configurationIdentite(
            @Value("${fabriques.mode:demo}") String mode,
            @Value("${fabriques.admin.id:}") String adminId,
            @Value("${fabriques.admin.password:}") String adminMotDePasse,
            @Value("${camunda.bpm.admin-user.id:}") String adminDuStarter,
            @Value("${camunda.bpm.filter.create:}") String filtreDuStarter) {
        refuserReglageDuStarter("camunda.bpm.admin-user.id", adminDuStarter,
                "il créerait un administrateur dont le mot de passe vaut par défaut l'identifiant ; "
                        + "utilisez fabriques.admin.id et FABRIQUES_ADMIN_PASSWORD");
        refuserReglageDuStarter("camunda.bpm.filter.create", filtreDuStarter,
                "il recréerait un filtre Tasklist montrant toutes les tâches lisibles ; "
                        + "les filtres partagés sont créés par l'application");
        return ConfigurationIdentite.valider(mode, adminId, adminMotDePasse);
    }

    @Bean
    InitialisationIdentite initialisationIdentite(ConfigurationIdentite configurationIdentite) {
        return new InitialisationIdentite(configurationIdentite);
    }

    /** Picked up by the Camunda starter, which hands every ProcessEnginePlugin bean to the engine. */
    @Bean
    IdentitePlugin identitePlugin(InitialisationIdentite initialisationIdentite) {
        return new IdentitePlugin(initialisationIdentite);
    }

    private static void refuserReglageDuStarter(String cle, String valeur, String raison) {
        if (valeur != null && !valeur.isBlank()) {
            throw new ConfigurationIdentiteInvalideException("Retirez le réglage " + cle + " : " + raison + ".");
        }
    }
}
