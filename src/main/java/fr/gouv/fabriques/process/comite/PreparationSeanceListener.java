package fr.gouv.fabriques.process.comite;

import fr.gouv.fabriques.application.comite.DecrireSeance;
import fr.gouv.fabriques.process.commun.ValeursFormulaire;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * UserTask_PreparerSeance: on create, the ranked list with quotas and envelope
 * ({@link DecrireSeance}); on complete, the manager confirms the agenda. Form
 * forms/preparer-seance.form.
 */
@Component("preparationSeanceListener")
class PreparationSeanceListener implements TaskListener {

    private final DecrireSeance decrireSeance;

    PreparationSeanceListener(DecrireSeance decrireSeance) {
        this.decrireSeance = decrireSeance;
    }

    @Override
    public void notify(DelegateTask tache) {
        if (EVENTNAME_CREATE.equals(tache.getEventName())) {
            tache.setVariableLocal("ordreDuJour", decrireSeance.ordreDuJour((String) tache.getVariable(ComiteVagueProcess.VAR_VAGUE)));
            return;
        }
        ValeursFormulaire f = new ValeursFormulaire(tache);
        boolean prete = f.booleenObligatoire("seancePreparee", "confirmez que l'ordre du jour est complet");
        f.verifier();
        if (!prete) {
            throw new fr.gouv.fabriques.domain.ErreursValidation("seancePreparee", "cochez la case quand l'ordre du jour est complet");
        }
        f.retirerDuProcessus();
    }
}
