package fr.gouv.fabriques.process.commun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class TachesConnuesTest {

    private final TachesConnues connues = new TachesConnues();

    private static DelegateTask tache(String id, String cle, String cleMetier) {
        DelegateTask t = mock(DelegateTask.class);
        DelegateExecution e = mock(DelegateExecution.class);
        when(t.getId()).thenReturn(id);
        when(t.getTaskDefinitionKey()).thenReturn(cle);
        when(t.getExecution()).thenReturn(e);
        when(e.getProcessBusinessKey()).thenReturn(cleMetier);
        return t;
    }

    private static void terminer(boolean validee) {
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (validee) {
                s.afterCommit();
            }
            s.afterCompletion(validee ? TransactionSynchronization.STATUS_COMMITTED : TransactionSynchronization.STATUS_ROLLED_BACK);
        }
        TransactionSynchronizationManager.clearSynchronization();
    }

    @AfterEach
    void sansTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void uneTacheEstConnueQuandSaCreationEstValidee() {
        TransactionSynchronizationManager.initSynchronization();
        connues.creee(tache("t1", "UserTask_VerifierCompletude", "FDT-2026-0001"));
        assertThat(connues.connue("t1")).as("création pas encore validée").isNull();
        terminer(true);
        assertThat(connues.connue("t1")).isEqualTo(new TachesConnues.Tache("t1", "UserTask_VerifierCompletude", "FDT-2026-0001"));
    }

    @Test
    void uneCreationAnnuleeNeLaissePasDeTache() {
        TransactionSynchronizationManager.initSynchronization();
        connues.creee(tache("t2", "UserTask_VerifierCompletude", "FDT-2026-0002"));
        terminer(false);
        assertThat(connues.connue("t2")).isNull();
    }

    @Test
    void horsTransactionOuSansCleMetierRienNEstGarde() {
        connues.creee(tache("t3", "UserTask_VerifierCompletude", "FDT-2026-0003"));
        TransactionSynchronizationManager.initSynchronization();
        connues.creee(tache("t4", "UserTask_VerifierCompletude", null));
        terminer(true);
        assertThat(connues.connue("t3")).isNull();
        assertThat(connues.connue("t4")).isNull();
    }
}
