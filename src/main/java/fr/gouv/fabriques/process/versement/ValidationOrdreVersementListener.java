package fr.gouv.fabriques.process.versement;

import fr.gouv.fabriques.application.versement.EtapeEnCours;
import fr.gouv.fabriques.application.versement.ValiderOrdreVersement;
import fr.gouv.fabriques.process.commun.Agents;
import fr.gouv.fabriques.process.commun.DossierDuProcessus;
import fr.gouv.fabriques.process.commun.ValeursFormulaire;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * UserTask_ValiderOrdreVersement (complete) → {@link ValiderOrdreVersement}: the second
 * signature on the payment in progress ({@link EtapeEnCours}). Sets {@code ordreValide},
 * read by Gateway_OrdreValide, from the use case's result, never from a submitted value.
 * Form forms/valider-ordre-versement.form.
 */
@Component("validationOrdreVersementListener")
class ValidationOrdreVersementListener implements TaskListener {

    private final DossierDuProcessus dossierDuProcessus;
    private final ValiderOrdreVersement validerOrdre;
    private final EtapeEnCours etape;

    ValidationOrdreVersementListener(DossierDuProcessus dossierDuProcessus, ValiderOrdreVersement validerOrdre, EtapeEnCours etape) {
        this.dossierDuProcessus = dossierDuProcessus;
        this.validerOrdre = validerOrdre;
        this.etape = etape;
    }

    @Override
    public void notify(DelegateTask tache) {
        ValeursFormulaire f = new ValeursFormulaire(tache);
        ValiderOrdreVersement.Decision decision = f.enumeration("decisionOrdre", ValiderOrdreVersement.Decision.class);
        String motif = f.texte("motifRenvoiOrdre");
        f.verifier();
        long dossierId = dossierDuProcessus.id(tache);
        boolean valide = validerOrdre.decider(dossierId, etape.versement(dossierId).annee(), decision, motif, Agents.courant(tache));
        f.retirerDuProcessus();
        tache.getExecution().setVariable(VersementProcess.VAR_ORDRE_VALIDE, valide);
    }
}
