package fr.gouv.fabriques.process.versement;

import fr.gouv.fabriques.application.port.VersementRepository;
import fr.gouv.fabriques.application.versement.OrdonnancerVersement;
import fr.gouv.fabriques.domain.PlafondsFinancement;
import fr.gouv.fabriques.process.commun.Agents;
import fr.gouv.fabriques.process.commun.DossierVariables;
import fr.gouv.fabriques.process.commun.ValeursFormulaire;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * UserTask_OrdonnancerVersement: on create, shows the amount in the form (task-local
 * variable); on complete → {@link OrdonnancerVersement} (caps, four eyes). Form
 * forms/ordonnancer-versement.form.
 */
@Component("ordonnancementListener")
class OrdonnancementListener implements TaskListener {

    private final OrdonnancerVersement ordonnancerVersement;
    private final VersementRepository versements;

    OrdonnancementListener(OrdonnancerVersement ordonnancerVersement, VersementRepository versements) {
        this.ordonnancerVersement = ordonnancerVersement;
        this.versements = versements;
    }

    @Override
    public void notify(DelegateTask tache) {
        long dossierId = DossierVariables.dossierId(tache);
        int annee = DossierVariables.entier(tache, VersementProcess.VAR_ANNEE);
        if (EVENTNAME_CREATE.equals(tache.getEventName())) {
            versements.parDossierEtAnnee(dossierId, annee).ifPresent(v ->
                    tache.setVariableLocal(VersementProcess.VAR_MONTANT_VERSEMENT, PlafondsFinancement.euros(v.montant())));
            return;
        }
        ValeursFormulaire f = new ValeursFormulaire(tache);
        boolean confirmation = f.booleenObligatoire("confirmationOrdonnancement", "cochez la case pour ordonnancer le versement");
        f.verifier();
        ordonnancerVersement.ordonnancer(dossierId, annee, confirmation, Agents.courant(tache));
        f.retirerDuProcessus();
    }
}
