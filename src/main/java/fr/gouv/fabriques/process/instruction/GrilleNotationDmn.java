package fr.gouv.fabriques.process.instruction;

import fr.gouv.fabriques.application.port.GrilleNotation;
import fr.gouv.fabriques.application.port.VersionDecision;
import fr.gouv.fabriques.domain.Avis;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.Critere;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** {@link GrilleNotation} read from bpmn/notation-instruction.dmn (latest deployed version, named in the result). */
@Component
class GrilleNotationDmn implements GrilleNotation {

    static final String DECISION_POIDS = "Decision_PoidsCriteres";
    static final String DECISION_RECOMMANDATION = "Decision_Recommandation";
    private final DecisionsDeployees decisions;

    GrilleNotationDmn(DecisionsDeployees decisions) {
        this.decisions = decisions;
    }

    @Override
    public Ponderation ponderation(Categorie categorie) {
        DecisionsDeployees.Evaluation evaluation = decisions.evaluerDerniere(DECISION_POIDS,
                Variables.createVariables().putValue("categorie", categorie.name()));
        VersionDecision version = evaluation.version();
        DmnDecisionResultEntries ligne = evaluation.resultat().getSingleResult();
        if (ligne == null) {
            throw new IllegalStateException("La table " + DECISION_POIDS + " ne donne aucun poids pour la catégorie " + categorie);
        }
        Map<Critere, Integer> poids = new EnumMap<>(Critere.class);
        for (Critere c : Critere.values()) {
            Object p = ligne.get("poids" + c.champ().substring("note".length()));
            if (!(p instanceof Number n)) {
                throw new IllegalStateException("La table " + DECISION_POIDS + " ne donne pas de poids pour « " + c.libelle() + " »");
            }
            poids.put(c, n.intValue());
        }
        return new Ponderation(poids, version);
    }

    @Override
    public Recommandation recommander(BigDecimal score) {
        DecisionsDeployees.Evaluation evaluation = decisions.evaluerDerniere(DECISION_RECOMMANDATION,
                Variables.createVariables().putValue("scoreTotal", score.doubleValue()));
        VersionDecision version = evaluation.version();
        Object r = evaluation.resultat().getSingleEntry();
        if (r == null) {
            throw new IllegalStateException("La table " + DECISION_RECOMMANDATION + " ne couvre pas le score " + score);
        }
        return new Recommandation(Avis.valueOf(r.toString()), version);
    }
}
