package fr.gouv.fabriques.process.commun;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each user task's definition key and its process instance's business key, kept on this node from the
 * moment its creation commits. Neither ever changes for a task, and a task id is never given to another
 * task: the computed contents of a form ({@link ContenusFormulaires}) then know which task they serve
 * without a query each time a form opens (issue 13: one round trip of every {@code form-variables}).
 * A task created on another node, or before a restart, is read from the engine's tables, then kept.
 */
@Component
public class TachesConnues {

    /** A task as the forms' contents need it: its id, its definition key, and its process instance's business key. */
    public record Tache(String id, String cle, String cleMetier) {
    }

    /** The open tasks of a busy period, and more; beyond, the least used are read again. */
    static final int GARDEES = 50_000;

    private final Cache<String, Tache> taches = Caffeine.newBuilder().maximumSize(GARDEES).build();

    /** Kept once the transaction that creates it commits: a creation rolled back leaves nothing. */
    void creee(DelegateTask tache) {
        String cleMetier = tache.getExecution() == null ? null : tache.getExecution().getProcessBusinessKey();
        if (cleMetier == null) {
            return;
        }
        Tache t = new Tache(tache.getId(), tache.getTaskDefinitionKey(), cleMetier);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    taches.put(t.id(), t);
                }
            });
        }
    }

    /** The task if known on this node, else null. */
    Tache connue(String id) {
        return taches.getIfPresent(id);
    }

    /** Read elsewhere (the engine's tables): kept for the next opening. */
    void retenir(Tache t) {
        taches.put(t.id(), t);
    }
}
