package fr.gouv.fabriques.process.versement;

import fr.gouv.fabriques.application.versement.DeciderReversement;
import fr.gouv.fabriques.process.commun.Agents;
import fr.gouv.fabriques.process.commun.DossierDuProcessus;
import fr.gouv.fabriques.process.commun.ValeursFormulaire;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * UserTask_DeciderReversement (complete) → {@link DeciderReversement}: regularisation or
 * recovery. Sets, from the use case's result, {@code suiteSuspension} (read by
 * Gateway_SuiteSuspension), {@code montantReversementOrdonne} (Gateway_MontantReversement) and,
 * for a regularisation, {@code anneeBilan} on the dossier's process, the year its
 * ReceiveTask_AttendreRegularisation waits for. Form forms/decider-reversement.form, whose
 * summary (why, paid, recovered) is read when it opens (process/commun/ContenusFormulaires).
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
        DeciderReversement.Suite suite = f.enumeration("suiteSuspension", DeciderReversement.Suite.class);
        Integer montant = f.entier("montantReversement");
        String motif = f.texte("motifReversement");
        f.verifier();
        int anneeARegulariser = deciderReversement.decider(dossierDuProcessus.id(tache), suite, montant, motif, Agents.courant(tache));
        f.retirerDuProcessus();
        tache.getExecution().setVariable(DossierProcessVariables.SUITE_SUSPENSION, suite.name());
        if (suite == DeciderReversement.Suite.REGULARISATION) {
            tache.getExecution().setVariable(VersementProcess.VAR_ANNEE_BILAN, anneeARegulariser);
        } else {
            tache.getExecution().setVariable(DossierProcessVariables.MONTANT_REVERSEMENT, montant);
        }
    }
}
