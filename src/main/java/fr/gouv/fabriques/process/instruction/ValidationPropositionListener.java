package fr.gouv.fabriques.process.instruction;

import fr.gouv.fabriques.application.instruction.ValiderProposition;
import fr.gouv.fabriques.process.commun.Agents;
import fr.gouv.fabriques.process.commun.DossierVariables;
import fr.gouv.fabriques.process.commun.ValeursFormulaire;
import fr.gouv.fabriques.process.dossier.DossierProcess;
import fr.gouv.fabriques.application.instruction.ResumerInstruction;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** UserTask_ValiderProposition (create: synthèse de l'instruction ; complete) → {@link ValiderProposition} (four eyes); form forms/valider-proposition.form. */
@Component("validationPropositionListener")
class ValidationPropositionListener implements TaskListener {

    private final ValiderProposition validerProposition;
    private final ResumerInstruction resumerInstruction;

    ValidationPropositionListener(ValiderProposition validerProposition, ResumerInstruction resumerInstruction) {
        this.validerProposition = validerProposition;
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
        boolean validee = f.booleenObligatoire("propositionValidee", "indiquez si vous validez la proposition");
        String commentaire = f.texte("commentaireValidation");
        f.verifier();
        boolean resultat = validerProposition.valider(DossierVariables.dossierId(tache), validee, commentaire, Agents.courant(tache));
        f.retirerDuProcessus();
        tache.getExecution().setVariable(InstructionProcess.VAR_PROPOSITION_VALIDEE, resultat);
        if (resultat) {
            tache.getExecution().setVariable(DossierProcess.VAR_ISSUE_INSTRUCTION, "INSTRUIT");
        }
    }
}
