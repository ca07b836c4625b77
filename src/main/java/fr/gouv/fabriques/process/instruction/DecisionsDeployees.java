package fr.gouv.fabriques.process.instruction;

import fr.gouv.fabriques.application.port.VersionDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * Evaluates the latest deployed version of a DMN decision and says which version it was:
 * the version is resolved first, then that very definition is evaluated by its id, so an
 * analyst's deployment in between cannot make the recorded version differ from the one
 * that decided.
 */
@Component
class DecisionsDeployees {

    private final RepositoryService depots;
    private final DecisionService decisions;

    DecisionsDeployees(RepositoryService depots, DecisionService decisions) {
        this.depots = depots;
        this.decisions = decisions;
    }

    /** The latest deployed version of this decision. */
    VersionDecision derniere(String cle) {
        DecisionDefinition d = depots.createDecisionDefinitionQuery().decisionDefinitionKey(cle).withoutTenantId()
                .latestVersion().singleResult();
        if (d == null) {
            throw new IllegalStateException("Aucune version de la décision DMN " + cle + " n'est déployée");
        }
        return new VersionDecision(d.getKey(), d.getVersion(), d.getId());
    }

    /** The result of that version of the decision for these variables. */
    DmnDecisionResult evaluer(VersionDecision version, VariableMap variables) {
        return decisions.evaluateDecisionById(version.id()).variables(variables).evaluate();
    }
}
