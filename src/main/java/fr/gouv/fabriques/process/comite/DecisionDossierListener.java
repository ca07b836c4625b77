package fr.gouv.fabriques.process.comite;

import fr.gouv.fabriques.application.comite.ProposerDecisions;
import fr.gouv.fabriques.application.port.ClassementVague;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.TypeDecision;
import fr.gouv.fabriques.process.commun.Agents;
import fr.gouv.fabriques.process.commun.ValeursFormulaire;
import fr.gouv.fabriques.process.commun.Variables;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * UserTask_DeciderDossier — one task per dossier of the wave's agenda (form
 * forms/decider-dossier.form). On create: the Tasklist columns and the task's name from
 * the database, and its rank in the agenda (the filter's sort key). What is submitted stays on the task, transient
 * (ChampsDeclaresPlugin), and never reaches the wave's process. On complete: the decision
 * is checked and recorded by {@link ProposerDecisions}. A task completed without a
 * decision is accepted only if one was already recorded for the dossier (bulk API).
 *
 * <p>The dossier and the wave are read from the task's own execution and the business
 * key, never from submitted values, which a client could forge.
 */
@Component("decisionDossierListener")
class DecisionDossierListener implements TaskListener {

    private final ProposerDecisions proposerDecisions;

    DecisionDossierListener(ProposerDecisions proposerDecisions) {
        this.proposerDecisions = proposerDecisions;
    }

    @Override
    public void notify(DelegateTask tache) {
        String vague = tache.getExecution().getProcessBusinessKey();
        String numero = (String) tache.getExecution().getVariableLocal(ComiteVagueProcess.VAR_NUMERO);
        if (EVENTNAME_CREATE.equals(tache.getEventName())) {
            creer(tache, vague, numero);
            return;
        }
        ValeursFormulaire f = new ValeursFormulaire(tache, true);
        String decision = f.texte(ComiteVagueProcess.CHAMP_DECISION);
        Integer m1 = f.entier(ComiteVagueProcess.CHAMP_MONTANT + 1);
        Integer m2 = f.entier(ComiteVagueProcess.CHAMP_MONTANT + 2);
        Integer m3 = f.entier(ComiteVagueProcess.CHAMP_MONTANT + 3);
        String motivation = f.texte(ComiteVagueProcess.CHAMP_MOTIVATION);
        f.verifier();
        if (decision == null && proposerDecisions.aLOrdreDuJour(vague, numero).isEmpty()) {
            // The dossier left the session (withdrawn or cancelled): its task closes with nothing to record.
            return;
        }
        if (decision == null) {
            boolean dejaDecide = proposerDecisions.aLOrdreDuJour(vague, numero).map(l -> l.decisionProposee() != null).orElse(false);
            if (!dejaDecide) {
                throw new ErreursValidation(ComiteVagueProcess.CHAMP_DECISION,
                        "choisissez la décision du comité sur le dossier " + numero + " : lauréat, refusé ou ajourné");
            }
            return;
        }
        boolean laureat = TypeDecision.LAUREAT.name().equals(decision);
        try {
            proposerDecisions.proposer(vague, List.of(new ProposerDecisions.Ligne(numero, decision, laureat ? m1 : null, laureat ? m2 : null,
                    laureat ? m3 : null, motivation)), Agents.courant(tache));
        } catch (ErreursValidation e) {
            // The use case names the fields of a bulk line (decisions[0].montants): name the form's fields instead.
            throw new ErreursValidation(e.violations().stream().map(v -> new fr.gouv.fabriques.domain.Violation(champDuFormulaire(v.champ()),
                    v.message())).toList());
        }
    }

    private static String champDuFormulaire(String champ) {
        if (champ.endsWith(".decision")) {
            return ComiteVagueProcess.CHAMP_DECISION;
        }
        if (champ.endsWith(".motivation")) {
            return ComiteVagueProcess.CHAMP_MOTIVATION;
        }
        for (int annee = 1; annee <= 3; annee++) {
            if (champ.endsWith("montantAccorde" + annee)) {
                return ComiteVagueProcess.CHAMP_MONTANT + annee;
            }
        }
        return champ.contains("montant") ? ComiteVagueProcess.CHAMP_MONTANT + 1 : ComiteVagueProcess.CHAMP_DECISION;
    }

    private void creer(DelegateTask tache, String vague, String numero) {
        Object compteur = tache.getExecution().getVariableLocal("loopCounter");
        int rang = compteur instanceof Number n ? n.intValue() + 1 : 0;
        tache.setVariableLocal(ComiteVagueProcess.VAR_RANG, rang);
        tache.setVariableLocal(Variables.NUMERO, numero);
        tache.setVariableLocal(Variables.VAGUE, vague);
        ClassementVague.Ligne ligne = proposerDecisions.aLOrdreDuJour(vague, numero).orElse(null);
        if (ligne != null) {
            tache.setVariableLocal(Variables.STRUCTURE, ligne.structure());
            tache.setVariableLocal(Variables.CATEGORIE, ligne.categorie().name());
            tache.setName("Décider du dossier " + numero + " — " + ligne.structure() + " (n° " + rang + ", " + libelleCourt(ligne.categorie())
                    + ")");
        }
    }

    private static String libelleCourt(Categorie c) {
        return switch (c) {
            case HORS_GRANDS_CENTRES -> "hors grands centres";
            case QPV -> "QPV";
            case NUMERIQUE_QPV -> "numérique";
        };
    }
}
