package fr.gouv.fabriques.process.versement;

import fr.gouv.fabriques.application.versement.EtapeEnCours;
import fr.gouv.fabriques.application.versement.OrdonnancerVersement;
import fr.gouv.fabriques.process.commun.Agents;
import fr.gouv.fabriques.process.commun.DossierDuProcessus;
import fr.gouv.fabriques.process.commun.ValeursFormulaire;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * UserTask_OrdonnancerVersement (complete) → {@link OrdonnancerVersement} (caps, report of
 * the previous year approved by someone else), for the dossier of the business key and the
 * year {@link EtapeEnCours} reads in the database. Form forms/ordonnancer-versement.form,
 * whose year and amount are read when it opens (process/commun/ContenusFormulaires).
 */
@Component("ordonnancementListener")
class OrdonnancementListener implements TaskListener {

    private final DossierDuProcessus dossierDuProcessus;
    private final OrdonnancerVersement ordonnancerVersement;
    private final EtapeEnCours etape;

    OrdonnancementListener(DossierDuProcessus dossierDuProcessus, OrdonnancerVersement ordonnancerVersement, EtapeEnCours etape) {
        this.dossierDuProcessus = dossierDuProcessus;
        this.ordonnancerVersement = ordonnancerVersement;
        this.etape = etape;
    }

    @Override
    public void notify(DelegateTask tache) {
        ValeursFormulaire f = new ValeursFormulaire(tache);
        boolean confirmation = f.booleenObligatoire("confirmationOrdonnancement", "cochez la case pour ordonnancer le versement");
        f.verifier();
        long dossierId = dossierDuProcessus.id(tache);
        ordonnancerVersement.ordonnancer(dossierId, etape.versement(dossierId).annee(), confirmation, Agents.courant(tache));
        f.retirerDuProcessus();
    }
}
