package fr.gouv.fabriques.process.commun;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstancesCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Cancelling the process instance of a running dossier from Cockpit (or {@code DELETE
 * /engine-rest/process-instance}) would leave its status, quota place and envelope as they are:
 * it is refused, with the way to do it instead — the cancellation of the dossier by the agents'
 * API, validated by a second gestionnaire, which goes through the dossier's « Annulation » event
 * sub-process. The process instances of closed dossiers (or of no dossier) may still be deleted.
 */
public class SuppressionDossierRefuseePlugin extends AbstractProcessEnginePlugin {

    private static final Set<String> STATUTS_CLOS = Set.of("IRRECEVABLE", "CLASSE_SANS_SUITE", "REFUSE", "CADUC", "SOLDE",
            "SOLDE_APRES_REVERSEMENT", "RESILIE", "RETIRE", "RENONCE", "ANNULE");

    private final DataSource base;

    public SuppressionDossierRefuseePlugin(DataSource base) {
        this.base = base;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new Garde(configuration));
    }

    private final class Garde extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl configuration;

        Garde(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            if (command instanceof DeleteProcessInstancesCmd || command instanceof DeleteProcessInstanceCmd) {
                for (String id : instances(command)) {
                    verifier(id);
                }
            }
            return next.execute(command);
        }

        private void verifier(String id) {
            ProcessInstance instance = configuration.getCommandExecutorTxRequired().execute(c -> c.runWithoutAuthorization(() ->
                    configuration.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult()));
            if (instance == null || instance.getBusinessKey() == null) {
                return;
            }
            List<String> statuts = JdbcClient.create(base).sql("select statut from dossier where numero = ?").param(instance.getBusinessKey())
                    .query(String.class).list();
            if (!statuts.isEmpty() && !STATUTS_CLOS.contains(statuts.get(0))) {
                throw new BadUserRequestException("Le processus du dossier " + instance.getBusinessKey() + " ne s'annule pas depuis Cockpit : "
                        + "son statut, sa place et ses montants resteraient engagés. Annulez le dossier par l'API des agents (POST "
                        + "/api/agents/dossiers/" + instance.getBusinessKey() + "/annulation, avec un motif), validée par un second "
                        + "gestionnaire dans Tasklist ; le porteur, lui, retire son dossier par son API.");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Collection<String> instances(Command<?> command) {
        try {
            if (command instanceof DeleteProcessInstanceCmd) {
                Field f = DeleteProcessInstanceCmd.class.getDeclaredField("processInstanceId");
                f.setAccessible(true);
                Object v = f.get(command);
                return v == null ? List.of() : List.of((String) v);
            }
            Field f = DeleteProcessInstancesCmd.class.getDeclaredField("processInstanceIds");
            f.setAccessible(true);
            Object v = f.get(command);
            return v instanceof Collection<?> c ? (Collection<String>) c : List.of();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Version du moteur inattendue : commande de suppression sans identifiant d'instance", e);
        }
    }
}
