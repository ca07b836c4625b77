package fr.gouv.fabriques.application;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the current transaction already knows, kept for its own duration only: a map (or any object) bound to it under a key,
 * created on first use, set aside while an inner transaction runs, and dropped when it ends (committed or rolled back). Null outside a transaction: the caller then asks again. For facts
 * that cannot change within one transaction but would cost a round trip each time (issue 13).
 */
public final class MemoireTransaction {

    private MemoireTransaction() {
    }

    /** This transaction's map under {@code cle}; null outside a transaction. */
    public static <K, V> Map<K, V> carte(Object cle) {
        return objet(cle, HashMap::new, null);
    }

    /**
     * This transaction's object under {@code cle}, created by {@code nouveau} on first use; null outside a transaction.
     * {@code avantValidation} (may be null) is given it just before the transaction commits, still inside it.
     */
    @SuppressWarnings("unchecked")
    public static <T> T objet(Object cle, Supplier<T> nouveau, Consumer<T> avantValidation) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        T objet = (T) TransactionSynchronizationManager.getResource(cle);
        if (objet == null) {
            T nouvel = nouveau.get();
            TransactionSynchronizationManager.bindResource(cle, nouvel);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean lectureSeule) {
                    if (avantValidation != null) {
                        avantValidation.accept(nouvel);
                    }
                }

                // Suspended for an inner transaction (REQUIRES_NEW): the inner one starts with nothing known, then this one
                // finds its own object again.
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResourceIfPossible(cle);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(cle, nouvel);
                }

                @Override
                public void afterCompletion(int statut) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(cle);
                }
            });
            objet = nouvel;
        }
        return objet;
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
