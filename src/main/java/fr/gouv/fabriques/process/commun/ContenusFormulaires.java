package fr.gouv.fabriques.process.commun;

import fr.gouv.fabriques.application.comite.DecrireSeance;
import fr.gouv.fabriques.application.comite.ProposerDecisions;
import fr.gouv.fabriques.application.port.ClassementVague;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.process.comite.ComiteVagueProcess;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * What a task's form shows that is not stored in the engine: computed from the database
 * each time the form's variables are read (Tasklist does it when a form opens), so that
 * it is always current and never limited by the engine's 4,000-character strings — a
 * wave's agenda of 500 dossiers, the effect of its decisions, a dossier's situation in
 * the committee, and the values a decision form starts from. Added to the response of
 * {@code GET …/task/{id}/form-variables} by {@link VariablesCalculeesFilter}.
 */
@Component
public class ContenusFormulaires {

    private final TaskService taches;
    private final RuntimeService runtime;
    private final DecrireSeance decrireSeance;
    private final ProposerDecisions proposerDecisions;

    ContenusFormulaires(TaskService taches, RuntimeService runtime, DecrireSeance decrireSeance, ProposerDecisions proposerDecisions) {
        this.taches = taches;
        this.runtime = runtime;
        this.decrireSeance = decrireSeance;
        this.proposerDecisions = proposerDecisions;
    }

    /** The computed variables of this task's form, by name (String or Integer values); empty for a task without any. */
    public Map<String, Object> pour(String idTache) {
        Map<String, Object> contenus = new LinkedHashMap<>();
        Task tache = taches.createTaskQuery().taskId(idTache).singleResult();
        if (tache == null || tache.getProcessInstanceId() == null) {
            return contenus;
        }
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(tache.getProcessInstanceId()).singleResult();
        String cleMetier = instance == null ? null : instance.getBusinessKey();
        if (cleMetier == null) {
            return contenus;
        }
        switch (tache.getTaskDefinitionKey()) {
            case ComiteVagueProcess.TACHE_PREPARER_SEANCE -> contenus.put("ordreDuJour", decrireSeance.ordreDuJour(cleMetier));
            case ComiteVagueProcess.TACHE_ARRETER -> contenus.put("effetDesDecisions", decrireSeance.effetDesDecisions(cleMetier));
            case ComiteVagueProcess.TACHE_DECIDER_DOSSIER -> decisionDuComite(tache, cleMetier, contenus);
            default -> {
            }
        }
        return contenus;
    }

    private void decisionDuComite(Task tache, String vague, Map<String, Object> contenus) {
        Object numero = taches.getVariableLocal(tache.getId(), ComiteVagueProcess.VAR_NUMERO);
        if (numero == null) {
            return;
        }
        contenus.put("situationDossier", decrireSeance.situationDuDossier(vague, numero.toString()));
        ClassementVague.Ligne ligne = proposerDecisions.aLOrdreDuJour(vague, numero.toString()).orElse(null);
        if (ligne == null) {
            return;
        }
        // The form starts from what is recorded: the committee's decision if any, else the instruction's proposal.
        if (ligne.decisionProposee() != null) {
            contenus.put(ComiteVagueProcess.CHAMP_DECISION, ligne.decisionProposee().name());
        }
        MontantsAnnuels m = ligne.montantsProposesParLeComite() != null ? ligne.montantsProposesParLeComite() : ligne.montantsProposes();
        if (m != null) {
            contenus.put(ComiteVagueProcess.CHAMP_MONTANT + 1, m.annee1());
            contenus.put(ComiteVagueProcess.CHAMP_MONTANT + 2, m.annee2());
            contenus.put(ComiteVagueProcess.CHAMP_MONTANT + 3, m.annee3());
        }
        if (ligne.motivationProposee() != null) {
            contenus.put(ComiteVagueProcess.CHAMP_MOTIVATION, ligne.motivationProposee());
        }
    }
}
