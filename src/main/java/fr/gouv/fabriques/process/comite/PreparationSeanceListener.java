package fr.gouv.fabriques.process.comite;

import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.process.commun.ValeursFormulaire;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * UserTask_PreparerSeance (complete): the manager confirms the agenda. Form
 * forms/preparer-seance.form; the agenda it shows is computed when it opens
 * (process/commun/ContenusFormulaires), whatever the size of the wave.
 */
@Component("preparationSeanceListener")
class PreparationSeanceListener implements TaskListener {

    @Override
    public void notify(DelegateTask tache) {
        ValeursFormulaire f = new ValeursFormulaire(tache);
        boolean prete = f.booleenObligatoire("seancePreparee", "confirmez que l'ordre du jour est complet");
        f.verifier();
        if (!prete) {
            throw new ErreursValidation("seancePreparee", "cochez la case quand l'ordre du jour est complet");
        }
        f.retirerDuProcessus();
    }
}
