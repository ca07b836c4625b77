package fr.gouv.fabriques.process.instruction;

import fr.gouv.fabriques.application.port.RegleEligibilite;
import fr.gouv.fabriques.application.port.RegleEligibilite.Evaluation;
import fr.gouv.fabriques.domain.PlafondsFinancement;
import fr.gouv.fabriques.domain.Violation;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * {@link RegleEligibilite} evaluated by the DMN table {@value #DECISION} of
 * bpmn/eligibilite.dmn (latest deployed version): each matching rule gives one field and
 * one reason. The programme's figures come from configuration ({@link PlafondsFinancement},
 * {@code fabriques.financement.*}) as inputs of every evaluation ({@link PlafondsFinancement#variables()}):
 * the table compares against them and writes no amount itself.
 */
@Component
class EligibiliteDmn implements RegleEligibilite {

    static final String DECISION = "Decision_Eligibilite";
    private final DecisionsDeployees decisions;
    private final PlafondsFinancement plafonds;

    EligibiliteDmn(DecisionsDeployees decisions, PlafondsFinancement plafonds) {
        this.decisions = decisions;
        this.plafonds = plafonds;
    }

    @Override
    public Evaluation evaluer(FaitsEligibilite f) {
        VariableMap variables = Variables.createVariables();
        variables.putAll(f.variables());
        variables.putAll(plafonds.variables());
        DecisionsDeployees.Evaluation evaluation = decisions.evaluerDerniere(DECISION, variables);
        List<Violation> motifs = evaluation.resultat().getResultList().stream()
                .filter(ligne -> ligne.get("motif") != null)
                .map(ligne -> new Violation(Objects.toString(ligne.get("champ"), "dossier"), ligne.get("motif").toString()))
                .distinct().toList();
        return new Evaluation(motifs, evaluation.version(), variables);
    }
}
