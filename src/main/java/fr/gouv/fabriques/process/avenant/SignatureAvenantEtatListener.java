package fr.gouv.fabriques.process.avenant;

import fr.gouv.fabriques.application.avenant.SignerAvenantEtat;
import fr.gouv.fabriques.process.commun.Agents;
import fr.gouv.fabriques.process.commun.DossierDuProcessus;
import fr.gouv.fabriques.process.commun.ValeursFormulaire;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * UserTask_SignerAvenantEtat (complete) → {@link SignerAvenantEtat}; the amendment is applied by the
 * next service task, in the same transaction. Form forms/signer-avenant-etat.form (old → new and the
 * links to both PDFs, computed when it opens).
 */
@Component("signatureAvenantEtatListener")
class SignatureAvenantEtatListener implements TaskListener {

    private final DossierDuProcessus dossierDuProcessus;
    private final SignerAvenantEtat signer;

    SignatureAvenantEtatListener(DossierDuProcessus dossierDuProcessus, SignerAvenantEtat signer) {
        this.dossierDuProcessus = dossierDuProcessus;
        this.signer = signer;
    }

    @Override
    public void notify(DelegateTask tache) {
        ValeursFormulaire f = new ValeursFormulaire(tache);
        boolean signature = f.booleenObligatoire("signatureAvenantEtat", "cochez la case pour signer l'avenant au nom de l'État");
        f.verifier();
        signer.signer(dossierDuProcessus.id(tache), signature, Agents.courant(tache));
        f.retirerDuProcessus();
    }
}
