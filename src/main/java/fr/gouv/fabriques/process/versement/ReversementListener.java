package fr.gouv.fabriques.process.versement;

import fr.gouv.fabriques.application.versement.DeciderReversement;
import fr.gouv.fabriques.application.versement.ResumerSuspension;
import fr.gouv.fabriques.process.commun.Agents;
import fr.gouv.fabriques.process.commun.DossierVariables;
import fr.gouv.fabriques.process.commun.ValeursFormulaire;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** UserTask_DeciderReversement (create: why, paid, recovered; complete) → {@link DeciderReversement}; form forms/decider-reversement.form. */
@Component("reversementListener")
class ReversementListener implements TaskListener {

    private final DeciderReversement deciderReversement;
    private final ResumerSuspension resumerSuspension;

    ReversementListener(DeciderReversement deciderReversement, ResumerSuspension resumerSuspension) {
        this.deciderReversement = deciderReversement;
        this.resumerSuspension = resumerSuspension;
    }

    @Override
    public void notify(DelegateTask tache) {
        if (EVENTNAME_CREATE.equals(tache.getEventName())) {
            tache.setVariableLocal("suspension", resumerSuspension.resumer(DossierVariables.dossierId(tache)));
            return;
        }
        ValeursFormulaire f = new ValeursFormulaire(tache);
        Integer montant = f.entierObligatoire("montantReversement", "montant à reverser en euros (0 si aucun)");
        String motif = f.texte("motifReversement");
        f.verifier();
        deciderReversement.decider(DossierVariables.dossierId(tache), montant, motif, Agents.courant(tache));
        f.retirerDuProcessus();
    }
}
