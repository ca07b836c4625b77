package fr.gouv.fabriques.process.dossier;

import fr.gouv.fabriques.application.port.EtapeNonAttendue;
import fr.gouv.fabriques.application.port.ProcessusDossier;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.TypeDecision;
import fr.gouv.fabriques.process.comite.DecisionComiteProcess;
import fr.gouv.fabriques.process.commun.Variables;
import fr.gouv.fabriques.process.convention.ConventionProcess;
import fr.gouv.fabriques.process.instruction.InstructionProcess;
import fr.gouv.fabriques.process.versement.VersementProcess;
import fr.gouv.fabriques.domain.ErreurMetier;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.runtime.Execution;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The engine side of {@link ProcessusDossier}: starts the dossier's process and correlates the applicant's messages.
 * A message the process does not wait for (too early, too late, twice) becomes {@link EtapeNonAttendue}, a 409 for
 * the applicant, instead of the engine's exception.
 */
@Component
class ProcessusDossierMoteur implements ProcessusDossier {

    private final RuntimeService runtime;
    private final TaskService taches;
    private final org.camunda.bpm.engine.IdentityService identite;

    ProcessusDossierMoteur(RuntimeService runtime, TaskService taches, org.camunda.bpm.engine.IdentityService identite) {
        this.runtime = runtime;
        this.taches = taches;
        this.identite = identite;
    }

    @Override
    public void terminer(String numero, String nature, String vague) {
        String message = switch (nature) {
            case "RETRAIT" -> DossierProcess.MESSAGE_RETRAIT;
            case "RENONCIATION" -> DossierProcess.MESSAGE_RENONCIATION;
            default -> DossierProcess.MESSAGE_ANNULATION;
        };
        // The application's act, not the agent's: whoever triggered it (applicant, second gestionnaire) needs no engine grant.
        sansAutorisation(() -> {
            runtime.createMessageCorrelation(message).processInstanceBusinessKey(numero).correlateWithResult();
            if (vague != null) {
                for (org.camunda.bpm.engine.task.Task t : taches.createTaskQuery().processInstanceBusinessKey(vague)
                        .taskDefinitionKey(fr.gouv.fabriques.process.comite.ComiteVagueProcess.TACHE_DECIDER_DOSSIER)
                        .taskVariableValueEquals(Variables.NUMERO, numero).list()) {
                    taches.complete(t.getId());
                }
            }
        });
    }

    @Override
    public void demanderAnnulation(Dossier d) {
        // The same columns as the dossier's own tasks in Tasklist (number, structure, category, wave).
        sansAutorisation(() -> runtime.createProcessInstanceByKey(DossierProcess.CLE_ANNULATION).businessKey(d.numero())
                .setVariable(Variables.NUMERO, d.numero())
                .setVariable(Variables.STRUCTURE, d.structure().raisonSociale())
                .setVariable(Variables.CATEGORIE, d.categorie().name())
                .setVariable(Variables.VAGUE, d.vague())
                .setVariable(Variables.DEPARTEMENT, d.structure().adresse().departement())
                .execute());
    }

    private void sansAutorisation(Runnable action) {
        org.camunda.bpm.engine.impl.identity.Authentication avant = identite.getCurrentAuthentication();
        identite.clearAuthentication();
        try {
            action.run();
        } finally {
            if (avant != null) {
                identite.setAuthentication(avant);
            }
        }
    }

    @Override
    public void demarrer(Dossier d) {
        runtime.createProcessInstanceByKey(DossierProcess.CLE)
                .businessKey(d.numero())
                .setVariable(Variables.NUMERO, d.numero())
                .setVariable(Variables.STRUCTURE, d.structure().raisonSociale())
                .setVariable(Variables.CATEGORIE, d.categorie().name())
                .setVariable(Variables.VAGUE, d.vague())
                .setVariable(Variables.DEPARTEMENT, d.structure().adresse().departement())
                .execute();
    }

    /**
     * Every copy of the wave variable in the dossier's processes (its main process and the called ones, which
     * received their own copy) and on its open tasks (Tasklist's columns read the task's own copy) takes the new wave.
     */
    @Override
    public void vagueChangee(String numero, String vague) {
        String[] instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(numero).list().stream()
                .map(ProcessInstance::getId).toArray(String[]::new);
        if (instances.length == 0) {
            return;
        }
        for (VariableInstance v : runtime.createVariableInstanceQuery().variableName(Variables.VAGUE).processInstanceIdIn(instances).list()) {
            if (v.getTaskId() != null) {
                taches.setVariableLocal(v.getTaskId(), Variables.VAGUE, vague);
            } else if (v.getExecutionId() != null) {
                runtime.setVariableLocal(v.getExecutionId(), Variables.VAGUE, vague);
            }
        }
    }

    @Override
    public void complementsRecus(String numero) {
        try {
            runtime.createMessageCorrelation(InstructionProcess.MESSAGE_COMPLEMENTS_RECUS)
                    .processInstanceBusinessKey(numero)
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new EtapeNonAttendue("message", numero, "de compléments", null);
        }
    }

    @Override
    public void decisionPubliee(String numero, TypeDecision decision) {
        try {
            runtime.createMessageCorrelation(DecisionComiteProcess.MESSAGE_DECISION_PUBLIEE)
                    .processInstanceBusinessKey(numero)
                    .setVariable(DossierProcess.VAR_DECISION_COMITE, decision.name())
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            // The dossier's process has not reached the committee step yet (its previous step is still running):
            // nothing is published, the manager tries again a moment later.
            throw new ErreurMetier("decisions", "Le dossier " + numero + " n'attend pas encore la décision du comité (son étape "
                    + "précédente est en cours de traitement) : rien n'a été publié, recommencez dans un instant.");
        }
    }

    @Override
    public void conventionSigneeParLePorteur(String numero) {
        try {
            runtime.createMessageCorrelation(ConventionProcess.MESSAGE_SIGNATURE_PORTEUR)
                    .processInstanceBusinessKey(numero)
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new EtapeNonAttendue("fichier", numero, "la convention signée", null);
        }
    }

    @Override
    public void bilanDepose(String numero, int annee) {
        try {
            runtime.createMessageCorrelation(VersementProcess.MESSAGE_BILAN_DEPOSE)
                    .processInstanceBusinessKey(numero)
                    .processInstanceVariableEquals(VersementProcess.VAR_ANNEE_BILAN, annee)
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            List<Object> attendues = bilansAttendus(numero);
            throw new EtapeNonAttendue("annee", numero, "le bilan de l'année " + annee,
                    attendues.isEmpty() ? "aucun bilan n'est attendu pour l'instant"
                            : "le bilan attendu est celui de l'année " + attendues.get(0));
        }
    }

    /** The years whose report the dossier's processes wait for now. */
    private List<Object> bilansAttendus(String numero) {
        List<Execution> enAttente = runtime.createExecutionQuery().processInstanceBusinessKey(numero)
                .messageEventSubscriptionName(VersementProcess.MESSAGE_BILAN_DEPOSE).list();
        return enAttente.stream().map(x -> runtime.getVariable(x.getId(), VersementProcess.VAR_ANNEE_BILAN)).filter(Objects::nonNull)
                .distinct().toList();
    }
}
