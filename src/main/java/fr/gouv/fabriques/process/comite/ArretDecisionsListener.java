package fr.gouv.fabriques.process.comite;

import fr.gouv.fabriques.application.comite.PublierDecisions;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.process.commun.Agents;
import fr.gouv.fabriques.process.commun.ValeursFormulaire;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * UserTask_ArreterDecisions (complete): publish or send back to the committee. Publishing
 * is checked at once against quotas and envelope ({@link PublierDecisions#verifier}) —
 * refused with the numbers, the task then stays open — and done in the background by
 * ServiceTask_PublierDecisions. Form forms/arreter-decisions.form; what it shows is
 * computed when it opens (process/commun/ContenusFormulaires).
 */
@Component("arretDecisionsListener")
class ArretDecisionsListener implements TaskListener {

    private final PublierDecisions publierDecisions;

    ArretDecisionsListener(PublierDecisions publierDecisions) {
        this.publierDecisions = publierDecisions;
    }

    @Override
    public void notify(DelegateTask tache) {
        String vague = tache.getExecution().getProcessBusinessKey();
        ValeursFormulaire f = new ValeursFormulaire(tache);
        boolean arreter = f.booleenObligatoire(ComiteVagueProcess.VAR_DECISIONS_ARRETEES, "publier les décisions, ou les renvoyer au comité");
        String commentaire = f.texte("commentaireArret");
        f.verifier();
        if (arreter) {
            publierDecisions.verifier(vague);
        } else if (commentaire == null) {
            throw new ErreursValidation("commentaireArret", "dites au comité pourquoi ses décisions lui sont renvoyées");
        }
        f.retirerDuProcessus();
        tache.getExecution().setVariable(ComiteVagueProcess.VAR_DECISIONS_ARRETEES, arreter);
        tache.getExecution().setVariable(ComiteVagueProcess.VAR_PUBLIEE_PAR, Agents.courant(tache));
    }
}
