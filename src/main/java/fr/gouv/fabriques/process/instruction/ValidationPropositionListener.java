package fr.gouv.fabriques.process.instruction;

import fr.gouv.fabriques.application.instruction.ValiderProposition;
import fr.gouv.fabriques.process.commun.DossierDuProcessus;
import fr.gouv.fabriques.process.commun.Agents;
import fr.gouv.fabriques.process.commun.ValeursFormulaire;
import fr.gouv.fabriques.process.dossier.DossierProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * UserTask_ValiderProposition (complete) → {@link ValiderProposition} (four eyes); form
 * forms/valider-proposition.form, whose summary of the instruction is read when it opens
 * (process/commun/ContenusFormulaires).
 */
@Component("validationPropositionListener")
class ValidationPropositionListener implements TaskListener {

    private final DossierDuProcessus dossierDuProcessus;
    private final ValiderProposition validerProposition;

    ValidationPropositionListener(DossierDuProcessus dossierDuProcessus, ValiderProposition validerProposition) {
        this.dossierDuProcessus = dossierDuProcessus;
        this.validerProposition = validerProposition;
    }

    @Override
    public void notify(DelegateTask tache) {
        ValeursFormulaire f = new ValeursFormulaire(tache);
        boolean validee = f.booleenObligatoire("propositionValidee", "indiquez si vous validez la proposition");
        String commentaire = f.texte("commentaireValidation");
        f.verifier();
        boolean resultat = validerProposition.valider(dossierDuProcessus.id(tache), validee, commentaire, Agents.courant(tache));
        f.retirerDuProcessus();
        tache.getExecution().setVariable(InstructionProcess.VAR_PROPOSITION_VALIDEE, resultat);
        if (resultat) {
            tache.getExecution().setVariable(DossierProcess.VAR_ISSUE_INSTRUCTION, "INSTRUIT");
        }
    }
}
