package fr.gouv.fabriques.process.convention;

import fr.gouv.fabriques.application.convention.SignerConventionEtat;
import fr.gouv.fabriques.process.commun.DossierDuProcessus;
import fr.gouv.fabriques.process.commun.Agents;
import fr.gouv.fabriques.process.commun.ValeursFormulaire;
import fr.gouv.fabriques.process.dossier.DossierProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * UserTask_SignerConventionEtat (complete) → {@link SignerConventionEtat}; form
 * forms/signer-convention-etat.form, whose links to the convention drawn and to the one
 * the laureate signed are read when it opens (process/commun/ContenusFormulaires).
 */
@Component("signatureEtatListener")
class SignatureEtatListener implements TaskListener {

    /** Task-local variable shown by the form's text component {@code {{documentsConvention}}}. */
    static final String VAR_DOCUMENTS = "documentsConvention";

    private final DossierDuProcessus dossierDuProcessus;
    private final SignerConventionEtat signerConventionEtat;

    SignatureEtatListener(DossierDuProcessus dossierDuProcessus, SignerConventionEtat signerConventionEtat) {
        this.dossierDuProcessus = dossierDuProcessus;
        this.signerConventionEtat = signerConventionEtat;
    }

    @Override
    public void notify(DelegateTask tache) {
        ValeursFormulaire f = new ValeursFormulaire(tache);
        boolean signature = f.booleenObligatoire("signatureEtat", "cochez la case pour signer au nom de l'État");
        f.verifier();
        signerConventionEtat.signer(dossierDuProcessus.id(tache), signature, Agents.courant(tache));
        f.retirerDuProcessus();
        tache.getExecution().setVariable(DossierProcess.VAR_ISSUE_CONVENTION, "SIGNEE");
    }
}
