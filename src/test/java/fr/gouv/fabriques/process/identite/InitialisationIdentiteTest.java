package fr.gouv.fabriques.process.identite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The start-up initialisation on a throw-away in-memory engine (H2), configured with the
 * identity settings of application.yaml: the production paths, which the integration tests
 * (demo mode, shared database) cannot take, and the idempotence of a re-run.
 */
class InitialisationIdentiteTest {

    private static final String PREFIXE_YAML = "camunda.bpm.generic-properties.properties.";
    private static final String MOT_DE_PASSE_PRODUCTION = "un mot de passe très solide";

    private ProcessEngine engine;

    @AfterEach
    void fermer() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void enDemoLesComptesDeApiMdSontCreesUneSeuleFois() {
        demarrer(true);
        InitialisationIdentite initialisation = initialisation("demo", null, null);
        initialisation.appliquer(engine);

        IdentityService identites = engine.getIdentityService();
        for (CompteDemo compte : ComptesDemo.TOUS) {
            User utilisateur = identites.createUserQuery().userId(compte.id()).singleResult();
            assertThat(utilisateur).as(compte.id()).isNotNull();
            assertThat(utilisateur.getEmail()).isEqualTo(compte.id() + "@demo.fabriques.local");
            assertThat(verification().estLeMotDePasse(utilisateur, "demo")).isTrue();
            assertThat(identites.createGroupQuery().groupMember(compte.id()).list())
                    .extracting(g -> g.getId())
                    .containsExactlyInAnyOrderElementsOf(compte.groupes());
        }
        assertThat(identites.createGroupQuery().groupId("referents-2A").singleResult().getName())
                .isEqualTo("Référents territoriaux — département 2A");

        Map<String, Integer> revisions = revisionsDesFiltres();
        long autorisations = engine.getAuthorizationService().createAuthorizationQuery().count();
        long adhesions = ComptesDemo.TOUS.stream()
                .mapToLong(c -> identites.createGroupQuery().groupMember(c.id()).count()).sum();

        initialisation.appliquer(engine);

        assertThat(revisionsDesFiltres()).as("un filtre inchangé n'est pas réécrit").isEqualTo(revisions);
        assertThat(engine.getAuthorizationService().createAuthorizationQuery().count()).isEqualTo(autorisations);
        assertThat(ComptesDemo.TOUS.stream()
                .mapToLong(c -> identites.createGroupQuery().groupMember(c.id()).count()).sum()).isEqualTo(adhesions);
        assertThat(identites.createGroupQuery().count()).isEqualTo(Groupes.tous().size());
    }

    @Test
    void enProductionSeulLAdministrateurEstCreeAvecLeMotDePasseConfigure() {
        demarrer(true);
        initialisation("production", "chef", MOT_DE_PASSE_PRODUCTION).appliquer(engine);

        IdentityService identites = engine.getIdentityService();
        assertThat(identites.createUserQuery().list()).extracting(User::getId).containsExactly("chef");
        assertThat(verification().estLeMotDePasse(utilisateur("chef"), MOT_DE_PASSE_PRODUCTION)).isTrue();
        assertThat(identites.createUserQuery().userId("chef").memberOfGroup(Groupes.CAMUNDA_ADMIN).count())
                .isEqualTo(1);
        assertThat(revisionsDesFiltres()).hasSize(FiltresTasklist.TOUS.size());
    }

    @Test
    void unAdministrateurDontLeMotDePasseEstSonIdentifiantEstCorrigeSansEtreVerrouille() {
        demarrer(true);
        creerUtilisateur("exploitation", "exploitation");

        initialisation("production", "exploitation", MOT_DE_PASSE_PRODUCTION).appliquer(engine);

        UserEntity admin = utilisateur("exploitation");
        assertThat(verification().estLeMotDePasse(admin, MOT_DE_PASSE_PRODUCTION)).isTrue();
        assertThat(verification().estLeMotDePasse(admin, "exploitation")).isFalse();
        // The probe must not count as a failed login (which would lock the account).
        assertThat(admin.getAttempts()).isZero();
        assertThat(admin.getLockExpirationTime()).isNull();
        assertThat(engine.getIdentityService().checkPassword("exploitation", MOT_DE_PASSE_PRODUCTION)).isTrue();
    }

    @Test
    void unMotDePasseChoisiParUnAdministrateurEstConserve() {
        demarrer(true);
        creerUtilisateur("exploitation", "change dans Admin le 3 mars");

        initialisation("production", "exploitation", MOT_DE_PASSE_PRODUCTION).appliquer(engine);
        initialisation("production", "exploitation", MOT_DE_PASSE_PRODUCTION).appliquer(engine);

        UserEntity admin = utilisateur("exploitation");
        assertThat(verification().estLeMotDePasse(admin, "change dans Admin le 3 mars")).isTrue();
        assertThat(admin.getAttempts()).isZero();
        assertThat(engine.getIdentityService().createUserQuery().userId("exploitation")
                .memberOfGroup(Groupes.CAMUNDA_ADMIN).count()).isEqualTo(1);
    }

    @Test
    void passerDeDemoAProductionRendInutilisablesLesComptesDeDemonstration() {
        demarrer(true);
        initialisation("demo", null, null).appliquer(engine);

        initialisation("production", "exploitation", MOT_DE_PASSE_PRODUCTION).appliquer(engine);

        for (CompteDemo compte : ComptesDemo.TOUS) {
            assertThat(verification().estLeMotDePasse(utilisateur(compte.id()), "demo")).as(compte.id()).isFalse();
        }
        assertThat(verification().estLeMotDePasse(utilisateur("exploitation"), MOT_DE_PASSE_PRODUCTION)).isTrue();
    }

    @Test
    void lAncienAdministrateurAdminEstNeutraliseEnProduction() {
        demarrer(true);
        creerUtilisateur("admin", "admin");

        initialisation("production", "exploitation", MOT_DE_PASSE_PRODUCTION).appliquer(engine);

        assertThat(verification().estLeMotDePasse(utilisateur("admin"), "admin")).isFalse();
        assertThat(verification().estLeMotDePasse(utilisateur("exploitation"), MOT_DE_PASSE_PRODUCTION)).isTrue();
    }

    @Test
    void laPolitiqueDesMotsDePasseSAppliqueAuxNouveauxMotsDePasseMaisPasAuxComptesDeDemo() {
        demarrer(true);
        assertThat(engine.getProcessEngineConfiguration().isEnablePasswordPolicy()).isTrue();
        initialisation("demo", null, null).appliquer(engine);

        // The demo accounts keep « demo » and log in with it (a login checks the hash, not the policy).
        IdentityService identites = engine.getIdentityService();
        for (CompteDemo compte : ComptesDemo.TOUS) {
            assertThat(identites.checkPassword(compte.id(), "demo")).as(compte.id()).isTrue();
        }
        // A password someone chooses (Admin, /engine-rest) follows the policy.
        User nouveau = identites.newUser("nouvel-agent");
        nouveau.setPassword("demo");
        assertThatThrownBy(() -> identites.saveUser(nouveau)).hasMessageContaining("policy");
        nouveau.setPassword("Tiers-lieux 2026 !");
        identites.saveUser(nouveau);
        assertThat(identites.checkPassword("nouvel-agent", "Tiers-lieux 2026 !")).isTrue();
        User instructeur = identites.createUserQuery().userId("instructeur").singleResult();
        instructeur.setPassword("court");
        assertThatThrownBy(() -> identites.saveUser(instructeur)).hasMessageContaining("policy");
    }

    @Test
    void unEchecDeConnexionRetardeLeCompteSansJamaisLeVerrouillerPourDeBon() {
        demarrer(true);
        initialisation("demo", null, null).appliquer(engine);
        IdentityService identites = engine.getIdentityService();
        java.util.Date maintenant = new java.util.Date();
        try {
            for (int i = 0; i < 15; i++) {
                org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(new java.util.Date(maintenant.getTime() + i * 60_000L));
                assertThat(identites.checkPassword("instructeur", "faux")).isFalse();
                UserEntity u = utilisateur("instructeur");
                // The delay never exceeds 30 s, whatever the number of failures (default: locked for good after 10).
                assertThat(u.getLockExpirationTime().getTime() - org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().getTime())
                        .as("échec %d", i + 1).isLessThanOrEqualTo(30_000L);
            }
            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(new java.util.Date(maintenant.getTime() + 15 * 60_000L + 31_000L));
            assertThat(identites.checkPassword("instructeur", "demo")).isTrue();
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }

    @Test
    void laProductionExigeLaVerificationDesAutorisations() {
        demarrer(false);
        InitialisationIdentite initialisation = initialisation("production", "exploitation", MOT_DE_PASSE_PRODUCTION);

        assertThatThrownBy(() -> initialisation.appliquer(engine))
                .isInstanceOf(ConfigurationIdentiteInvalideException.class)
                .hasMessageContaining("camunda.bpm.authorization.enabled");
    }

    @Test
    void lesFiltresDeLaMatriceSontLusParLesBonsGroupes() {
        demarrer(true);
        initialisation("demo", null, null).appliquer(engine);

        for (DefinitionFiltre definition : FiltresTasklist.TOUS) {
            Filter filtre = engine.getFilterService().createFilterQuery().filterName(definition.nom()).singleResult();
            List<String> lecteurs = engine.getAuthorizationService().createAuthorizationQuery()
                    .resourceType(org.camunda.bpm.engine.authorization.Resources.FILTER)
                    .resourceId(filtre.getId()).list().stream()
                    .map(a -> a.getGroupId())
                    .toList();
            assertThat(lecteurs).as(definition.nom()).containsExactlyInAnyOrderElementsOf(definition.groupes());
        }
    }

    @Test
    void leFiltreDuStarterEtLesDoublonsPartagesDisparaissentLesFiltresPersonnelsRestent() {
        demarrer(true);
        FilterService filtres = engine.getFilterService();
        filtres.saveFilter(filtres.newTaskFilter("All tasks").setQuery(engine.getTaskService().createTaskQuery()));
        filtres.saveFilter(filtres.newTaskFilter(FiltresTasklist.MES_TACHES)
                .setQuery(engine.getTaskService().createTaskQuery()));
        filtres.saveFilter(filtres.newTaskFilter(FiltresTasklist.MES_TACHES)
                .setQuery(engine.getTaskService().createTaskQuery()));
        filtres.saveFilter(filtres.newTaskFilter(FiltresTasklist.MES_TACHES).setOwner("instructeur")
                .setQuery(engine.getTaskService().createTaskQuery()));

        initialisation("demo", null, null).appliquer(engine);

        assertThat(filtres.createFilterQuery().filterName("All tasks").count()).isZero();
        List<Filter> mesTaches = filtres.createFilterQuery().filterName(FiltresTasklist.MES_TACHES).list();
        assertThat(mesTaches).extracting(Filter::getOwner).containsExactlyInAnyOrder(null, "instructeur");
        Filter partage = mesTaches.stream().filter(f -> f.getOwner() == null).findFirst().orElseThrow();
        assertThat(partage.getProperties()).containsEntry("priority", 10);
    }

    // ----------------------------------------------------------------------------------

    private void demarrer(boolean autorisations) {
        Properties yaml = applicationYaml();
        ProcessEngineConfigurationImpl configuration = fr.gouv.fabriques.process.MoteurIsole.configuration("identite");
        configuration.setAuthorizationEnabled(autorisations);
        configuration.setUserResourceWhitelistPattern(
                yaml.getProperty(PREFIXE_YAML + "user-resource-whitelist-pattern"));
        configuration.setGroupResourceWhitelistPattern(
                yaml.getProperty(PREFIXE_YAML + "group-resource-whitelist-pattern"));
        configuration.setDefaultUserPermissionNameForTask(
                yaml.getProperty(PREFIXE_YAML + "default-user-permission-name-for-task"));
        // The login and password settings of application.yaml, as the application runs them.
        configuration.setEnablePasswordPolicy(Boolean.parseBoolean(yaml.getProperty(PREFIXE_YAML + "enable-password-policy")));
        configuration.setLoginMaxAttempts(Integer.parseInt(yaml.getProperty(PREFIXE_YAML + "login-max-attempts")));
        configuration.setLoginDelayBase(Integer.parseInt(yaml.getProperty(PREFIXE_YAML + "login-delay-base")));
        configuration.setLoginDelayFactor(Integer.parseInt(yaml.getProperty(PREFIXE_YAML + "login-delay-factor")));
        configuration.setLoginDelayMaxTime(Integer.parseInt(yaml.getProperty(PREFIXE_YAML + "login-delay-max-time")));
        engine = configuration.buildProcessEngine();
    }

    private static Properties applicationYaml() {
        YamlPropertiesFactoryBean usine = new YamlPropertiesFactoryBean();
        usine.setResources(new ClassPathResource("application.yaml"));
        return usine.getObject();
    }

    private static InitialisationIdentite initialisation(String mode, String adminId, String motDePasse) {
        return new InitialisationIdentite(ConfigurationIdentite.valider(mode, adminId, motDePasse));
    }

    private VerificationMotDePasse verification() {
        return new VerificationMotDePasse((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration());
    }

    private void creerUtilisateur(String id, String motDePasse) {
        User utilisateur = engine.getIdentityService().newUser(id);
        utilisateur.setPassword(motDePasse);
        // Set by hand in the database, as a previous version or the starter left it (outside the policy).
        ((org.camunda.bpm.engine.impl.IdentityServiceImpl) engine.getIdentityService()).saveUser(utilisateur, true);
    }

    private UserEntity utilisateur(String id) {
        return (UserEntity) engine.getIdentityService().createUserQuery().userId(id).singleResult();
    }

    private Map<String, Integer> revisionsDesFiltres() {
        return engine.getFilterService().createFilterQuery().list().stream()
                .collect(Collectors.toMap(Filter::getName, f -> ((FilterEntity) f).getRevision()));
    }
}
