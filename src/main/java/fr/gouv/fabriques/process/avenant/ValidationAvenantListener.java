package fr.gouv.fabriques.process.avenant;

import fr.gouv.fabriques.application.avenant.ValiderAvenant;
import fr.gouv.fabriques.process.commun.Agents;
import fr.gouv.fabriques.process.commun.DossierDuProcessus;
import fr.gouv.fabriques.process.commun.ValeursFormulaire;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * UserTask_ValiderAvenant (complete) → {@link ValiderAvenant}: a second programme manager validates or
 * rejects the amendment in progress (read in the database). Sets {@code avenantValide}, read by
 * Gateway_AvenantValide, from the use case's result. Form forms/valider-avenant.form.
 */
@Component("validationAvenantListener")
class ValidationAvenantListener implements TaskListener {

    private final DossierDuProcessus dossierDuProcessus;
    private final ValiderAvenant valider;

    ValidationAvenantListener(DossierDuProcessus dossierDuProcessus, ValiderAvenant valider) {
        this.dossierDuProcessus = dossierDuProcessus;
        this.valider = valider;
    }

    @Override
    public void notify(DelegateTask tache) {
        ValeursFormulaire f = new ValeursFormulaire(tache);
        ValiderAvenant.Decision decision = f.enumeration("decisionAvenant", ValiderAvenant.Decision.class);
        String motif = f.texte("motifRejetAvenant");
        f.verifier();
        boolean valide = valider.decider(dossierDuProcessus.id(tache), decision, motif, Agents.courant(tache));
        f.retirerDuProcessus();
        tache.getExecution().setVariable(AvenantProcess.VAR_AVENANT_VALIDE, valide);
    }
}
