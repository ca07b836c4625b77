package fr.gouv.fabriques.process.instruction;

import fr.gouv.fabriques.application.port.RegleEligibilite;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * {@link RegleEligibilite} evaluated by the DMN table {@value #DECISION} of
 * bpmn/eligibilite.dmn (latest deployed version): each matching rule gives one reason.
 */
@Component
class EligibiliteDmn implements RegleEligibilite {

    static final String DECISION = "Decision_Eligibilite";
    private final DecisionService decisions;

    EligibiliteDmn(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public List<String> motifsIrrecevabilite(FaitsEligibilite f) {
        DmnDecisionResult resultat = decisions.evaluateDecisionByKey(DECISION)
                .variables(Variables.createVariables()
                        .putValue("appel", f.appel())
                        .putValue("categorie", f.categorie())
                        .putValue("montantTotal", f.montantTotal())
                        .putValue("montantAnnuelMax", f.montantAnnuelMax())
                        .putValue("codeQpvRenseigne", f.codeQpvRenseigne())
                        .putValue("formeJuridique", f.formeJuridique())
                        .putValue("typeEpci", f.typeEpci()))
                .evaluate();
        return resultat.collectEntries("motif").stream().filter(Objects::nonNull).map(Object::toString).distinct().toList();
    }
}
