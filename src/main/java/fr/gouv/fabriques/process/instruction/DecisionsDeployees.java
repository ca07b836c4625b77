package fr.gouv.fabriques.process.instruction;

import fr.gouv.fabriques.application.port.VersionDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * Evaluates the latest deployed version of a DMN decision and says which version it was:
 * the version is resolved first, then that very definition is evaluated by its id, so an
 * analyst's deployment in between cannot make the recorded version differ from the one
 * that decided.
 * <p>
 * Both happen in one command of the engine: the latest version is read once (the engine's own
 * query by key), and the evaluation finds that definition in the command's cache instead of
 * reading it again. Called from a listener or a delegate, the command is the caller's; called
 * from the deposit, it is one command instead of two (issue 13, doc/performance/cycle-de-vie.md).
 */
@Component
class DecisionsDeployees {

    /** What one evaluation gives: the version that decided and its result. */
    record Evaluation(VersionDecision version, DmnDecisionResult resultat) {
    }

    private final ProcessEngineConfigurationImpl moteur;
    private final DecisionService decisions;

    DecisionsDeployees(ProcessEngineConfiguration moteur, DecisionService decisions) {
        this.moteur = (ProcessEngineConfigurationImpl) moteur;
        this.decisions = decisions;
    }

    /** The latest deployed version of this decision, evaluated for these variables. */
    Evaluation evaluerDerniere(String cle, VariableMap variables) {
        return moteur.getCommandExecutorTxRequired().execute(contexte -> {
            DecisionDefinitionEntity d = contexte.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(cle);
            if (d == null) {
                throw new IllegalStateException("Aucune version de la décision DMN " + cle + " n'est déployée");
            }
            VersionDecision version = new VersionDecision(d.getKey(), d.getVersion(), d.getId());
            return new Evaluation(version, decisions.evaluateDecisionById(d.getId()).variables(variables).evaluate());
        });
    }
}
