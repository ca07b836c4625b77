package fr.gouv.fabriques.process.identite;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings groups, accounts, authorizations and Tasklist filters to the state the
 * application expects. Idempotent: run at every start-up, it only creates what is missing
 * and corrects what drifted, never duplicates.
 *
 * <p>Runs without an authenticated user, so the engine performs no authorization check on
 * these calls.
 */
public class InitialisationIdentite {

    private static final Logger LOG = LoggerFactory.getLogger(InitialisationIdentite.class);

    private final ConfigurationIdentite configuration;
    private final InitialisationGroupes groupes = new InitialisationGroupes();
    private final InitialisationComptes comptes;
    private final InitialisationAutorisations autorisations = new InitialisationAutorisations();
    private final InitialisationFiltres filtres = new InitialisationFiltres();

    public InitialisationIdentite(ConfigurationIdentite configuration) {
        this.configuration = configuration;
        this.comptes = new InitialisationComptes(configuration);
    }

    public void appliquer(ProcessEngine engine) {
        ProcessEngineConfigurationImpl moteur = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        verifierAutorisationsActives(moteur);
        groupes.appliquer(engine.getIdentityService());
        comptes.appliquer(engine.getIdentityService(), new VerificationMotDePasse(moteur));
        autorisations.appliquer(engine.getAuthorizationService(), MatriceAutorisations.regles());
        filtres.appliquer(engine.getFilterService(), engine.getTaskService(), engine.getAuthorizationService(),
                FiltresTasklist.TOUS);
    }

    /** Without authorization checks every agent sees and completes every task: refuse that outside a demo. */
    private void verifierAutorisationsActives(ProcessEngineConfigurationImpl moteur) {
        if (moteur.isAuthorizationEnabled()) {
            return;
        }
        if (configuration.demo()) {
            LOG.warn("camunda.bpm.authorization.enabled=false : les autorisations créées ne sont pas appliquées.");
            return;
        }
        throw new ConfigurationIdentiteInvalideException(
                "Mode production : camunda.bpm.authorization.enabled doit valoir true ; sans vérification des "
                        + "autorisations, tout agent voit et termine toutes les tâches.");
    }
}
