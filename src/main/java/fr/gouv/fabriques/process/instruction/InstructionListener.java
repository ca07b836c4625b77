package fr.gouv.fabriques.process.instruction;

import fr.gouv.fabriques.application.instruction.InstruireDossier;
import fr.gouv.fabriques.domain.Avis;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.process.commun.Agents;
import fr.gouv.fabriques.process.commun.DossierVariables;
import fr.gouv.fabriques.process.commun.ValeursFormulaire;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** UserTask_InstruireDossier (complete) → {@link InstruireDossier}; form forms/instruire-dossier.form. */
@Component("instructionListener")
class InstructionListener implements TaskListener {

    private final InstruireDossier instruireDossier;

    InstructionListener(InstruireDossier instruireDossier) {
        this.instruireDossier = instruireDossier;
    }

    @Override
    public void notify(DelegateTask tache) {
        ValeursFormulaire f = new ValeursFormulaire(tache);
        Avis proposition = f.enumeration("proposition", Avis.class);
        Integer m1 = f.entierObligatoire("montantPropose1", "montant proposé pour l'année 1, en euros");
        Integer m2 = f.entierObligatoire("montantPropose2", "montant proposé pour l'année 2, en euros");
        Integer m3 = f.entierObligatoire("montantPropose3", "montant proposé pour l'année 3, en euros");
        String motif = f.texte("motifProposition");
        f.verifier();
        instruireDossier.instruire(DossierVariables.dossierId(tache), proposition, new MontantsAnnuels(m1, m2, m3), motif,
                Agents.courant(tache));
        f.retirerDuProcessus();
    }
}
