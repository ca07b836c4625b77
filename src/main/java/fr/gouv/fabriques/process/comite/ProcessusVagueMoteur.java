package fr.gouv.fabriques.process.comite;

import fr.gouv.fabriques.application.port.ProcessusVague;
import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.Vague;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.time.Instant;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.ServiceImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The engine side of {@link ProcessusVague}: one committee process per wave, keyed by the wave's code. */
@Component
class ProcessusVagueMoteur implements ProcessusVague {

    private final RuntimeService runtime;
    private final TaskService taches;
    private final IdentityService identite;
    private final ManagementService gestion;

    ProcessusVagueMoteur(RuntimeService runtime, TaskService taches, IdentityService identite, ManagementService gestion) {
        this.runtime = runtime;
        this.gestion = gestion;
        this.taches = taches;
        this.identite = identite;
    }

    @Override
    public void demarrer(Vague vague) {
        if (runtime.createProcessInstanceQuery().processDefinitionKey(ComiteVagueProcess.CLE).processInstanceBusinessKey(vague.code())
                .count() > 0) {
            return;
        }
        runtime.createProcessInstanceByKey(ComiteVagueProcess.CLE)
                .businessKey(vague.code())
                .setVariable(ComiteVagueProcess.VAR_VAGUE, vague.code())
                .setVariable(ComiteVagueProcess.VAR_APPEL, vague.appel().name())
                .setVariable(ComiteVagueProcess.VAR_DATE_LIMITE, Date.from(vague.dateLimite()))
                .execute();
    }

    @Override
    public void demanderCloture(String code) {
        try {
            runtime.createMessageCorrelation(ComiteVagueProcess.MESSAGE_CLOTURE)
                    .processInstanceBusinessKey(code)
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            // Its committee process is past the deadline step (closed meanwhile) or not started: a conflict, not a 500.
            throw new ErreurMetier("code", "La vague " + code + " n'attend pas de clôture anticipée : son comité est déjà en route "
                    + "ou n'a pas encore démarré. Rien n'a été modifié.");
        }
    }

    /**
     * The timer of TimerEvent_DateLimite was computed from {@code ${dateLimite}} when the process reached it: its job is
     * re-dated, and the variable follows so that the process and Cockpit tell the same date.
     */
    @Override
    public void reporterDateLimite(String code, Instant dateLimite) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(ComiteVagueProcess.CLE)
                .processInstanceBusinessKey(code).singleResult();
        Job minuteur = instance == null ? null : gestion.createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(ComiteVagueProcess.TIMER_DATE_LIMITE).singleResult();
        if (minuteur == null) {
            throw new ErreurMetier("code", "Le comité de la vague " + code + " n'attend pas sa date limite (déjà en route, ou pas encore "
                    + "démarré) : la date limite ne se reporte pas. Rien n'a été modifié.");
        }
        gestion.setJobDuedate(minuteur.getId(), Date.from(dateLimite));
        runtime.setVariable(instance.getId(), ComiteVagueProcess.VAR_DATE_LIMITE, Date.from(dateLimite));
    }

    /**
     * The tasks completed in one engine command, as the member (the same checks as {@code TaskService#complete}, one by
     * one): one entity cache and one flush for the whole list. One command per task, inside the caller's transaction, kept
     * every command's context (its loaded executions, the wave's hundreds of committee branches) until the commit: 1,000
     * decisions sent at once used up a 1 GB heap (issue 13).
     */
    private void terminer(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        if (!(taches instanceof ServiceImpl service)) {
            ids.forEach(taches::complete);
            return;
        }
        service.getCommandExecutor().execute(contexte -> {
            for (String id : ids) {
                new CompleteTaskCmd(id, null).execute(contexte);
            }
            return null;
        });
    }

    @Override
    public void decisionsEnregistrees(String code, Collection<String> numeros, String membre) {
        List<Task> ouvertes = taches.createTaskQuery().processInstanceBusinessKey(code)
                .processDefinitionKey(ComiteVagueProcess.CLE).taskDefinitionKey(ComiteVagueProcess.TACHE_DECIDER_DOSSIER).list();
        if (ouvertes.isEmpty()) {
            return;
        }
        Set<String> voulus = new HashSet<>(numeros);
        // One query for the numbers of all open decision tasks (each task carries its own, local).
        Set<String> aCompleter = new HashSet<>();
        for (VariableInstance v : runtime.createVariableInstanceQuery().variableName(ComiteVagueProcess.VAR_NUMERO)
                .taskIdIn(ouvertes.stream().map(Task::getId).toArray(String[]::new)).list()) {
            if (voulus.contains(String.valueOf(v.getValue()))) {
                aCompleter.add(v.getTaskId());
            }
        }
        Authentication avant = identite.getCurrentAuthentication();
        identite.setAuthentication(membre, identite.createGroupQuery().groupMember(membre).list().stream().map(Group::getId).toList());
        try {
            terminer(aCompleter);
        } finally {
            identite.setAuthentication(avant);
        }
    }
}
