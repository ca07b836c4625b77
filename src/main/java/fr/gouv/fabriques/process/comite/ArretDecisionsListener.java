package fr.gouv.fabriques.process.comite;

import fr.gouv.fabriques.application.comite.DecrireSeance;
import fr.gouv.fabriques.application.comite.PublierDecisions;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.process.commun.Agents;
import fr.gouv.fabriques.process.commun.ValeursFormulaire;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * UserTask_ArreterDecisions: on create, the effect of the proposed decisions on
 * quotas and envelope; on complete, publication ({@link PublierDecisions}) — refused
 * with the numbers if a quota or the envelope would be exceeded, the task then stays
 * open — or return to the committee. Form forms/arreter-decisions.form.
 */
@Component("arretDecisionsListener")
class ArretDecisionsListener implements TaskListener {

    private final DecrireSeance decrireSeance;
    private final PublierDecisions publierDecisions;

    ArretDecisionsListener(DecrireSeance decrireSeance, PublierDecisions publierDecisions) {
        this.decrireSeance = decrireSeance;
        this.publierDecisions = publierDecisions;
    }

    @Override
    public void notify(DelegateTask tache) {
        String vague = (String) tache.getVariable(ComiteVagueProcess.VAR_VAGUE);
        if (EVENTNAME_CREATE.equals(tache.getEventName())) {
            tache.setVariableLocal("effetDesDecisions", decrireSeance.effetDesDecisions(vague));
            return;
        }
        ValeursFormulaire f = new ValeursFormulaire(tache);
        boolean arreter = f.booleenObligatoire(ComiteVagueProcess.VAR_DECISIONS_ARRETEES, "publier les décisions, ou les renvoyer au comité");
        String commentaire = f.texte("commentaireArret");
        f.verifier();
        if (arreter) {
            publierDecisions.publier(vague, Agents.courant(tache));
        } else if (commentaire == null) {
            throw new ErreursValidation("commentaireArret", "dites au comité pourquoi ses décisions lui sont renvoyées");
        }
        f.retirerDuProcessus();
        tache.getExecution().setVariable(ComiteVagueProcess.VAR_DECISIONS_ARRETEES, arreter);
    }
}
