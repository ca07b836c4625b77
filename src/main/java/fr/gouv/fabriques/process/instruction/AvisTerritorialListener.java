package fr.gouv.fabriques.process.instruction;

import fr.gouv.fabriques.application.instruction.EnregistrerAvisTerritorial;
import fr.gouv.fabriques.domain.Avis;
import fr.gouv.fabriques.process.commun.DossierDuProcessus;
import fr.gouv.fabriques.process.commun.Agents;
import fr.gouv.fabriques.process.commun.ValeursFormulaire;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** UserTask_DonnerAvisTerritorial (complete) → {@link EnregistrerAvisTerritorial}; form forms/donner-avis-territorial.form. */
@Component("avisTerritorialListener")
class AvisTerritorialListener implements TaskListener {

    private final DossierDuProcessus dossierDuProcessus;
    private final EnregistrerAvisTerritorial enregistrerAvis;

    AvisTerritorialListener(DossierDuProcessus dossierDuProcessus, EnregistrerAvisTerritorial enregistrerAvis) {
        this.dossierDuProcessus = dossierDuProcessus;
        this.enregistrerAvis = enregistrerAvis;
    }

    @Override
    public void notify(DelegateTask tache) {
        ValeursFormulaire f = new ValeursFormulaire(tache);
        Avis avis = f.enumeration("avisTerritorial", Avis.class);
        String commentaire = f.texte("commentaireAvis");
        f.verifier();
        enregistrerAvis.enregistrer(dossierDuProcessus.id(tache), avis, commentaire, Agents.courant(tache));
        f.retirerDuProcessus();
    }
}
