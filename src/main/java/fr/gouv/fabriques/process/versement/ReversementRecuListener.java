package fr.gouv.fabriques.process.versement;

import fr.gouv.fabriques.application.versement.EnregistrerReversementRecu;
import fr.gouv.fabriques.process.commun.Agents;
import fr.gouv.fabriques.process.commun.DossierDuProcessus;
import fr.gouv.fabriques.process.commun.ValeursFormulaire;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * UserTask_EnregistrerReversementRecu and UserTask_ValiderReversementRecu (complete) →
 * {@link EnregistrerReversementRecu}: one agent of the finance service records the amount
 * received, another validates it (sets {@code reversementRecuValide}). Forms
 * forms/enregistrer-reversement-recu.form and forms/valider-reversement-recu.form.
 */
@Component("reversementRecuListener")
class ReversementRecuListener implements TaskListener {

    private final DossierDuProcessus dossierDuProcessus;
    private final EnregistrerReversementRecu reversementRecu;

    ReversementRecuListener(DossierDuProcessus dossierDuProcessus, EnregistrerReversementRecu reversementRecu) {
        this.dossierDuProcessus = dossierDuProcessus;
        this.reversementRecu = reversementRecu;
    }

    @Override
    public void notify(DelegateTask tache) {
        ValeursFormulaire f = new ValeursFormulaire(tache);
        long dossierId = dossierDuProcessus.id(tache);
        if (VersementProcess.TACHE_VALIDER_REVERSEMENT_RECU.equals(tache.getTaskDefinitionKey())) {
            EnregistrerReversementRecu.Decision decision = f.enumeration("decisionReversementRecu", EnregistrerReversementRecu.Decision.class);
            String motif = f.texte("motifRenvoiReversement");
            f.verifier();
            boolean valide = reversementRecu.valider(dossierId, decision, motif, Agents.courant(tache));
            f.retirerDuProcessus();
            tache.getExecution().setVariable(DossierProcessVariables.REVERSEMENT_RECU_VALIDE, valide);
            return;
        }
        Integer montant = f.entierObligatoire("montantRecu", "montant reçu en euros (0 si rien n'est revenu)");
        f.verifier();
        reversementRecu.enregistrer(dossierId, montant, Agents.courant(tache));
        f.retirerDuProcessus();
    }
}
