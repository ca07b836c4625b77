package fr.gouv.fabriques.process.versement;

import fr.gouv.fabriques.application.versement.DeciderReversement;
import fr.gouv.fabriques.process.commun.Agents;
import fr.gouv.fabriques.process.commun.DossierVariables;
import fr.gouv.fabriques.process.commun.ValeursFormulaire;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * UserTask_DeciderReversement (complete) → {@link DeciderReversement}; form
 * forms/decider-reversement.form, whose summary (why, paid, recovered) is read when it
 * opens (process/commun/ContenusFormulaires).
 */
@Component("reversementListener")
class ReversementListener implements TaskListener {

    private final DeciderReversement deciderReversement;

    ReversementListener(DeciderReversement deciderReversement) {
        this.deciderReversement = deciderReversement;
    }

    @Override
    public void notify(DelegateTask tache) {
        ValeursFormulaire f = new ValeursFormulaire(tache);
        Integer montant = f.entierObligatoire("montantReversement", "montant à reverser en euros (0 si aucun)");
        String motif = f.texte("motifReversement");
        f.verifier();
        deciderReversement.decider(DossierVariables.dossierId(tache), montant, motif, Agents.courant(tache));
        f.retirerDuProcessus();
    }
}
