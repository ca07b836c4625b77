package fr.gouv.fabriques.process.versement;

import fr.gouv.fabriques.application.versement.DeciderReversement;
import fr.gouv.fabriques.process.commun.DossierDuProcessus;
import fr.gouv.fabriques.process.commun.Agents;
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

    private final DossierDuProcessus dossierDuProcessus;
    private final DeciderReversement deciderReversement;

    ReversementListener(DossierDuProcessus dossierDuProcessus, DeciderReversement deciderReversement) {
        this.dossierDuProcessus = dossierDuProcessus;
        this.deciderReversement = deciderReversement;
    }

    @Override
    public void notify(DelegateTask tache) {
        ValeursFormulaire f = new ValeursFormulaire(tache);
        Integer montant = f.entierObligatoire("montantReversement", "montant à reverser en euros (0 si aucun)");
        String motif = f.texte("motifReversement");
        f.verifier();
        deciderReversement.decider(dossierDuProcessus.id(tache), montant, motif, Agents.courant(tache));
        f.retirerDuProcessus();
    }
}
