package fr.gouv.fabriques.process.versement;

import fr.gouv.fabriques.application.versement.ExaminerBilan;
import fr.gouv.fabriques.process.commun.Variables;
import fr.gouv.fabriques.process.commun.LiensPieces;
import fr.gouv.fabriques.domain.DecisionBilan;
import fr.gouv.fabriques.process.commun.Agents;
import fr.gouv.fabriques.process.commun.DossierVariables;
import fr.gouv.fabriques.process.commun.ValeursFormulaire;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * UserTask_ValiderBilanAnnuel (complete) → {@link ExaminerBilan}; form
 * forms/valider-bilan-annuel.form, whose report and attachments are read when it opens
 * (process/commun/ContenusFormulaires).
 */
@Component("examenBilanListener")
class ExamenBilanListener implements TaskListener {

    private final ExaminerBilan examinerBilan;

    ExamenBilanListener(ExaminerBilan examinerBilan) {
        this.examinerBilan = examinerBilan;
    }

    @Override
    public void notify(DelegateTask tache) {
        ValeursFormulaire f = new ValeursFormulaire(tache);
        DecisionBilan decision = f.enumeration("decisionBilan", DecisionBilan.class);
        String motif = f.texte("motifBilan");
        f.verifier();
        DecisionBilan prise = examinerBilan.examiner(DossierVariables.dossierId(tache),
                DossierVariables.entier(tache, VersementProcess.VAR_ANNEE_BILAN), decision, motif, Agents.courant(tache));
        f.retirerDuProcessus();
        tache.getExecution().setVariable(VersementProcess.VAR_DECISION_BILAN, prise.name());
    }
}
