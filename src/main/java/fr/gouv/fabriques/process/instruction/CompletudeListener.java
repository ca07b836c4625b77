package fr.gouv.fabriques.process.instruction;

import fr.gouv.fabriques.application.instruction.EnregistrerCompletude;
import fr.gouv.fabriques.process.commun.DossierDuProcessus;
import fr.gouv.fabriques.process.commun.Agents;
import fr.gouv.fabriques.process.commun.ValeursFormulaire;
import fr.gouv.fabriques.process.commun.Variables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * UserTask_VerifierCompletude (complete) → {@link EnregistrerCompletude}. Form
 * forms/verifier-completude.form; the pieces it lists as links are read when it opens
 * (process/commun/ContenusFormulaires), so an upload shows at once.
 */
@Component("completudeListener")
class CompletudeListener implements TaskListener {

    private final DossierDuProcessus dossierDuProcessus;
    private final EnregistrerCompletude enregistrerCompletude;

    CompletudeListener(DossierDuProcessus dossierDuProcessus, EnregistrerCompletude enregistrerCompletude) {
        this.dossierDuProcessus = dossierDuProcessus;
        this.enregistrerCompletude = enregistrerCompletude;
    }

    @Override
    public void notify(DelegateTask tache) {
        ValeursFormulaire f = new ValeursFormulaire(tache);
        boolean complet = f.booleenObligatoire("complet", "indiquez si le dossier est complet");
        String pieces = f.texte("piecesManquantes");
        f.verifier();
        boolean resultat = enregistrerCompletude.enregistrer(dossierDuProcessus.id(tache), complet, pieces, Agents.courant(tache));
        f.retirerDuProcessus();
        tache.getExecution().setVariable(InstructionProcess.VAR_DOSSIER_COMPLET, resultat);
    }
}
