package fr.gouv.fabriques.process.comite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.gouv.fabriques.application.comite.DecrireSeance;
import fr.gouv.fabriques.application.comite.ProposerDecisions;
import fr.gouv.fabriques.application.port.ClassementVague;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.PlafondsFinancement;
import fr.gouv.fabriques.process.commun.Agents;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * UserTask_Deliberer: on create, the wave's ranked dossiers become the rows of the
 * form's table (a Json variable, one row per dossier); on complete, the rows the
 * committee filled in go to {@link ProposerDecisions}, checked line by line. Form
 * forms/deliberer-comite.form. Rows may also have been recorded through
 * PUT /api/agents/vagues/{code}/decisions: completing without rows keeps those.
 */
@Component("deliberationListener")
class DeliberationListener implements TaskListener {

    private final DecrireSeance decrireSeance;
    private final ProposerDecisions proposerDecisions;
    private final ObjectMapper json = new ObjectMapper();

    DeliberationListener(DecrireSeance decrireSeance, ProposerDecisions proposerDecisions) {
        this.decrireSeance = decrireSeance;
        this.proposerDecisions = proposerDecisions;
    }

    @Override
    public void notify(DelegateTask tache) {
        String vague = (String) tache.getVariable(ComiteVagueProcess.VAR_VAGUE);
        if (EVENTNAME_CREATE.equals(tache.getEventName())) {
            tache.setVariableLocal("ordreDuJour", decrireSeance.ordreDuJour(vague));
            tache.setVariableLocal(ComiteVagueProcess.VAR_DECISIONS, SpinValues.jsonValue(lignes(vague)).create());
            return;
        }
        // Tasklist's submit-form updates the task-local table; a REST « complete » sets a process variable.
        Object soumis = tache.getExecution().hasVariable(ComiteVagueProcess.VAR_DECISIONS)
                ? tache.getExecution().getVariable(ComiteVagueProcess.VAR_DECISIONS)
                : tache.getVariableLocal(ComiteVagueProcess.VAR_DECISIONS);
        List<ProposerDecisions.Ligne> lignes = lire(soumis);
        if (!lignes.isEmpty()) {
            proposerDecisions.proposer(vague, lignes, Agents.courant(tache));
        }
        tache.removeVariableLocal(ComiteVagueProcess.VAR_DECISIONS);
        tache.getExecution().removeVariable(ComiteVagueProcess.VAR_DECISIONS);
    }

    private String lignes(String vague) {
        ArrayNode tableau = json.createArrayNode();
        for (ClassementVague.Ligne l : decrireSeance.dossiers(vague)) {
            ObjectNode o = tableau.addObject();
            o.put("numero", l.numero());
            o.put("resume", l.structure() + " — " + l.categorie() + " — score " + (l.score() == null ? "—" : l.score()) + " — "
                    + (l.recommandation() == null ? "—" : l.recommandation()) + " — proposé "
                    + (l.montantsProposes() == null ? "—" : PlafondsFinancement.euros(l.montantsProposes().total())));
            o.put("decision", l.decisionProposee() == null ? null : l.decisionProposee().name());
            var m = l.montantsProposesParLeComite() != null ? l.montantsProposesParLeComite() : l.montantsProposes();
            if (m != null) {
                o.put("montant1", m.annee1());
                o.put("montant2", m.annee2());
                o.put("montant3", m.annee3());
            }
            o.put("motivation", l.motivationProposee());
        }
        return tableau.toString();
    }

    /** Tasklist submits the table as Json; REST clients may send Json, a JSON string, or a list. */
    private List<ProposerDecisions.Ligne> lire(Object soumis) {
        if (soumis == null) {
            return List.of();
        }
        JsonNode racine;
        try {
            if (soumis instanceof SpinJsonNode spin) {
                racine = json.readTree(spin.toString());
            } else if (soumis instanceof String texte) {
                racine = json.readTree(texte);
            } else if (soumis instanceof Collection<?> liste) {
                racine = json.valueToTree(liste);
            } else {
                throw new ErreursValidation("decisions", "attendu : la liste des décisions (tableau JSON) ; reçu : " + soumis.getClass().getSimpleName());
            }
        } catch (JsonProcessingException e) {
            throw new ErreursValidation("decisions", "la liste des décisions n'est pas un JSON valide : " + e.getOriginalMessage());
        }
        if (!racine.isArray()) {
            throw new ErreursValidation("decisions", "attendu : un tableau JSON de décisions");
        }
        List<ProposerDecisions.Ligne> lignes = new ArrayList<>();
        for (JsonNode n : racine) {
            if (texte(n, "decision") == null) {
                // A row left without a decision is not a decision: an earlier one (API) stands, else the dossier goes to the next wave.
                continue;
            }
            lignes.add(new ProposerDecisions.Ligne(texte(n, "numero"), texte(n, "decision"), entier(n, "montant1"), entier(n, "montant2"),
                    entier(n, "montant3"), texte(n, "motivation")));
        }
        return lignes;
    }

    private static String texte(JsonNode n, String champ) {
        JsonNode v = n.get(champ);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static Integer entier(JsonNode n, String champ) {
        JsonNode v = n.get(champ);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            return null;
        }
        if (v.isNumber() && v.canConvertToInt() && v.asDouble() == Math.rint(v.asDouble())) {
            return v.asInt();
        }
        throw new ErreursValidation(champ, "montant attendu en euros entiers ; reçu : « " + v.asText() + " » (dossier " + texte(n, "numero") + ")");
    }
}
