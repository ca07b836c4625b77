package fr.gouv.fabriques.process.versement;

import fr.gouv.fabriques.application.versement.ConsulterBilan;
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

/** UserTask_ValiderBilanAnnuel (create: the report and its attachments; complete) → {@link ExaminerBilan}; form forms/valider-bilan-annuel.form. */
@Component("examenBilanListener")
class ExamenBilanListener implements TaskListener {

    private final ExaminerBilan examinerBilan;
    private final ConsulterBilan consulterBilan;

    ExamenBilanListener(ExaminerBilan examinerBilan, ConsulterBilan consulterBilan) {
        this.examinerBilan = examinerBilan;
        this.consulterBilan = consulterBilan;
    }

    @Override
    public void notify(DelegateTask tache) {
        if (EVENTNAME_CREATE.equals(tache.getEventName())) {
            // The form shows the report as deposited and links to its attachments (agents' API).
            int annee = DossierVariables.entier(tache, VersementProcess.VAR_ANNEE_BILAN);
            ConsulterBilan.BilanAExaminer b = consulterBilan.consulter(DossierVariables.dossierId(tache), annee);
            String commentaire = b.bilan().map(x -> LiensPieces.echapper(x.commentaire())).orElse("_Bilan non trouvé._");
            tache.setVariableLocal("bilanDepose", "**Synthèse du porteur** : " + commentaire + "\n\n**Pièces du bilan** :\n\n"
                    + LiensPieces.markdown(String.valueOf(tache.getVariable(Variables.NUMERO)), b.pieces()));
            return;
        }
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
