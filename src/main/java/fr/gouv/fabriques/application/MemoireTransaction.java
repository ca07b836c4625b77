package fr.gouv.fabriques.application;

import java.util.HashMap;
import java.util.Map;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the current transaction already knows, kept for its own duration only: a map bound to it under a key, created on first
 * use and dropped when it ends (committed or rolled back). Null outside a transaction: the caller then asks again. For facts
 * that cannot change within one transaction but would cost a round trip each time (issue 13).
 */
public final class MemoireTransaction {

    private MemoireTransaction() {
    }

    /** This transaction's map under {@code cle}; null outside a transaction. */
    @SuppressWarnings("unchecked")
    public static <K, V> Map<K, V> carte(Object cle) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<K, V> carte = (Map<K, V>) TransactionSynchronizationManager.getResource(cle);
        if (carte == null) {
            Map<K, V> nouvelle = new HashMap<>();
            TransactionSynchronizationManager.bindResource(cle, nouvelle);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                // Suspended for an inner transaction (REQUIRES_NEW): the inner one starts with nothing known, then this one
                // finds its own map again.
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResourceIfPossible(cle);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(cle, nouvelle);
                }

                @Override
                public void afterCompletion(int statut) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(cle);
                }
            });
            carte = nouvelle;
        }
        return carte;
    }

    /** This transaction's map under {@code cle} if something was kept there; null otherwise (nothing is created). */
    @SuppressWarnings("unchecked")
    public static <K, V> Map<K, V> carteExistante(Object cle) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        return (Map<K, V>) TransactionSynchronizationManager.getResource(cle);
    }

    /** A key that names what it holds (in a debugger, in a leak report). */
    public static Object cle(String nom) {
        return new Object() {
            @Override
            public String toString() {
                return nom;
            }
        };
    }
}
