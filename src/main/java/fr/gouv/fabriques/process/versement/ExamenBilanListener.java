package fr.gouv.fabriques.process.versement;

import fr.gouv.fabriques.application.versement.EtapeEnCours;
import fr.gouv.fabriques.application.versement.ExaminerBilan;
import fr.gouv.fabriques.process.commun.DossierDuProcessus;
import fr.gouv.fabriques.process.commun.Variables;
import fr.gouv.fabriques.process.commun.LiensPieces;
import fr.gouv.fabriques.domain.DecisionBilan;
import fr.gouv.fabriques.process.commun.Agents;
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

    private final DossierDuProcessus dossierDuProcessus;
    private final ExaminerBilan examinerBilan;
    private final EtapeEnCours etape;

    ExamenBilanListener(DossierDuProcessus dossierDuProcessus, ExaminerBilan examinerBilan, EtapeEnCours etape) {
        this.dossierDuProcessus = dossierDuProcessus;
        this.examinerBilan = examinerBilan;
        this.etape = etape;
    }

    @Override
    public void notify(DelegateTask tache) {
        ValeursFormulaire f = new ValeursFormulaire(tache);
        DecisionBilan decision = f.enumeration("decisionBilan", DecisionBilan.class);
        String motif = f.texte("motifBilan");
        f.verifier();
        long dossierId = dossierDuProcessus.id(tache);
        DecisionBilan prise = examinerBilan.examiner(dossierId, etape.anneeBilanAttendu(dossierId), decision, motif, Agents.courant(tache));
        f.retirerDuProcessus();
        tache.getExecution().setVariable(VersementProcess.VAR_DECISION_BILAN, prise.name());
    }
}
