package fr.gouv.fabriques.process.instruction;

import fr.gouv.fabriques.application.instruction.InstruireDossier;
import fr.gouv.fabriques.domain.Critere;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.process.commun.DossierDuProcessus;
import fr.gouv.fabriques.process.commun.Agents;
import fr.gouv.fabriques.process.commun.ValeursFormulaire;
import java.util.EnumMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * UserTask_InstruireDossier (complete) → {@link InstruireDossier}; form
 * forms/instruire-dossier.form. The scores, amounts and declaration go to the
 * database; the computed score and recommendation are kept for the next tasks' forms.
 */
@Component("instructionListener")
class InstructionListener implements TaskListener {

    private final DossierDuProcessus dossierDuProcessus;
    private final InstruireDossier instruireDossier;

    InstructionListener(DossierDuProcessus dossierDuProcessus, InstruireDossier instruireDossier) {
        this.dossierDuProcessus = dossierDuProcessus;
        this.instruireDossier = instruireDossier;
    }

    @Override
    public void notify(DelegateTask tache) {
        ValeursFormulaire f = new ValeursFormulaire(tache);
        Map<Critere, Integer> notes = new EnumMap<>(Critere.class);
        for (Critere c : Critere.values()) {
            Integer n = f.entierObligatoire(c.champ(), "note de 0 à 5 : « " + c.libelle() + " »");
            if (n != null) {
                notes.put(c, n);
            }
        }
        Integer m1 = f.entierObligatoire("montantPropose1", "montant proposé pour l'année 1, en euros");
        Integer m2 = f.entierObligatoire("montantPropose2", "montant proposé pour l'année 2, en euros");
        Integer m3 = f.entierObligatoire("montantPropose3", "montant proposé pour l'année 3, en euros");
        String motif = f.texte("motifProposition");
        Boolean sansConflit = f.booleen("absenceConflitInterets");
        f.verifier();
        instruireDossier.instruire(dossierDuProcessus.id(tache), new InstruireDossier.Proposition(notes,
                new MontantsAnnuels(m1, m2, m3), motif, Boolean.TRUE.equals(sansConflit)), Agents.courant(tache));
        f.retirerDuProcessus();
    }
}
