package fr.gouv.fabriques.process.instruction;

import fr.gouv.fabriques.application.instruction.EnregistrerCompletude;
import fr.gouv.fabriques.process.commun.Agents;
import fr.gouv.fabriques.process.commun.DossierVariables;
import fr.gouv.fabriques.process.commun.ValeursFormulaire;
import fr.gouv.fabriques.process.commun.Variables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * UserTask_VerifierCompletude, form forms/verifier-completude.form.
 * <ul>
 * <li>create: lists the dossier's pieces as links to the agents' API in the task-local
 * variable « piecesJointes » ({@link PiecesJointesCompletude}, refreshed at each upload);</li>
 * <li>complete: → {@link EnregistrerCompletude}.</li>
 * </ul>
 */
@Component("completudeListener")
class CompletudeListener implements TaskListener {

    private final EnregistrerCompletude enregistrerCompletude;
    private final PiecesJointesCompletude piecesJointes;

    CompletudeListener(EnregistrerCompletude enregistrerCompletude, PiecesJointesCompletude piecesJointes) {
        this.enregistrerCompletude = enregistrerCompletude;
        this.piecesJointes = piecesJointes;
    }

    @Override
    public void notify(DelegateTask tache) {
        if (EVENTNAME_CREATE.equals(tache.getEventName())) {
            String numero = (String) tache.getVariable(Variables.NUMERO);
            tache.setVariableLocal(PiecesJointesCompletude.VARIABLE, piecesJointes.valeur(DossierVariables.dossierId(tache), numero));
            return;
        }
        ValeursFormulaire f = new ValeursFormulaire(tache);
        boolean complet = f.booleenObligatoire("complet", "indiquez si le dossier est complet");
        String pieces = f.texte("piecesManquantes");
        f.verifier();
        boolean resultat = enregistrerCompletude.enregistrer(DossierVariables.dossierId(tache), complet, pieces, Agents.courant(tache));
        f.retirerDuProcessus();
        tache.getExecution().setVariable(InstructionProcess.VAR_DOSSIER_COMPLET, resultat);
    }
}
