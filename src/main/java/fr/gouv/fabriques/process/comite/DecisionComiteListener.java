package fr.gouv.fabriques.process.comite;

import fr.gouv.fabriques.application.comite.DeciderEnComite;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.TypeDecision;
import fr.gouv.fabriques.process.commun.Agents;
import fr.gouv.fabriques.process.commun.DossierVariables;
import fr.gouv.fabriques.process.commun.ValeursFormulaire;
import fr.gouv.fabriques.process.dossier.DossierProcess;
import fr.gouv.fabriques.application.instruction.ResumerInstruction;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** UserTask_StatuerSurDossier (create: synthèse de l'instruction ; complete) → {@link DeciderEnComite}; form forms/statuer-sur-dossier.form. */
@Component("decisionComiteListener")
class DecisionComiteListener implements TaskListener {

    private final DeciderEnComite deciderEnComite;
    private final ResumerInstruction resumerInstruction;

    DecisionComiteListener(DeciderEnComite deciderEnComite, ResumerInstruction resumerInstruction) {
        this.deciderEnComite = deciderEnComite;
        this.resumerInstruction = resumerInstruction;
    }

    @Override
    public void notify(DelegateTask tache) {
        if (EVENTNAME_CREATE.equals(tache.getEventName())) {
            // What the decider reads in the form: the instruction, from the database.
            tache.setVariableLocal("syntheseInstruction", resumerInstruction.resumer(DossierVariables.dossierId(tache)));
            return;
        }
        ValeursFormulaire f = new ValeursFormulaire(tache);
        TypeDecision decision = f.enumeration("decision", TypeDecision.class);
        MontantsAnnuels montants = null;
        if (decision == TypeDecision.LAUREAT) {
            Integer m1 = f.entierObligatoire("montantAccorde1", "montant accordé pour l'année 1, en euros");
            Integer m2 = f.entierObligatoire("montantAccorde2", "montant accordé pour l'année 2, en euros");
            Integer m3 = f.entierObligatoire("montantAccorde3", "montant accordé pour l'année 3, en euros");
            if (m1 != null && m2 != null && m3 != null) {
                montants = new MontantsAnnuels(m1, m2, m3);
            }
        }
        String motivation = f.texte("motivation");
        f.verifier();
        TypeDecision prise = deciderEnComite.decider(DossierVariables.dossierId(tache), decision, montants, motivation,
                Agents.courant(tache));
        f.retirerDuProcessus();
        tache.getExecution().removeVariable("montantAccorde1");
        tache.getExecution().removeVariable("montantAccorde2");
        tache.getExecution().removeVariable("montantAccorde3");
        tache.getExecution().setVariable(DossierProcess.VAR_DECISION_COMITE, prise.name());
    }
}
