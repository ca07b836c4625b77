package fr.gouv.fabriques.process.dossier;

import fr.gouv.fabriques.application.fin.AnnulerDossier;
import fr.gouv.fabriques.process.commun.Agents;
import fr.gouv.fabriques.process.commun.DossierDuProcessus;
import fr.gouv.fabriques.process.commun.ValeursFormulaire;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * UserTask_ValiderAnnulation (bpmn/annulation-dossier.bpmn, complete) → {@link AnnulerDossier#decider}:
 * a second gestionnaire validates or refuses the cancellation another one asked for. Validated, the
 * dossier's process is interrupted by its « Annulation » event sub-process. Form
 * forms/valider-annulation.form, whose request is read when it opens (process/commun/ContenusFormulaires).
 */
@Component("validationAnnulationListener")
class ValidationAnnulationListener implements TaskListener {

    private final DossierDuProcessus dossierDuProcessus;
    private final AnnulerDossier annuler;

    ValidationAnnulationListener(DossierDuProcessus dossierDuProcessus, AnnulerDossier annuler) {
        this.dossierDuProcessus = dossierDuProcessus;
        this.annuler = annuler;
    }

    @Override
    public void notify(DelegateTask tache) {
        ValeursFormulaire f = new ValeursFormulaire(tache);
        AnnulerDossier.Decision decision = f.enumeration("decisionAnnulation", AnnulerDossier.Decision.class);
        String commentaire = f.texte("commentaireAnnulation");
        f.verifier();
        annuler.decider(dossierDuProcessus.id(tache), decision, commentaire, Agents.courant(tache));
        f.retirerDuProcessus();
    }
}
