package fr.gouv.fabriques.process.commun;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.gouv.fabriques.application.port.DossierRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The dossier a delegate or listener works on, found from what no agent can change: the
 * business key of its process instance (the dossier's number, handed down to every called
 * process) and the database — never from a process variable, which a submitted value
 * could have overwritten. Changing a business key needs an UPDATE permission on process
 * instances that no agent group holds (process/identite/MatriceAutorisations).
 * <p>
 * A dossier's number and its identifier never change and are never given to another dossier (no
 * dossier is deleted; numbers come from a counter, ADR 0019): the pair, once read in a transaction
 * that committed, is kept here, and the next step of the same dossier does not read the dossier
 * by its number again only to learn its identifier (issue 13: a read of each submit-form and of
 * each form opened). A pair read in a transaction that rolls back is not kept: that transaction
 * may have been the one that inserted the dossier.
 */
@Component
public class DossierDuProcessus {

    /** Enough for every dossier of several years of the programme; beyond, the least used are read again. */
    static final int PAIRES_GARDEES = 50_000;

    private final DossierRepository dossiers;
    private final Cache<String, Long> ids = Caffeine.newBuilder().maximumSize(PAIRES_GARDEES).build();

    DossierDuProcessus(DossierRepository dossiers) {
        this.dossiers = dossiers;
    }

    public long id(DelegateExecution execution) {
        return idParNumero(execution.getProcessBusinessKey());
    }

    public long id(DelegateTask tache) {
        return idParNumero(tache.getExecution().getProcessBusinessKey());
    }

    public long idParNumero(String numero) {
        String n = exigerNumero(numero);
        Long connu = ids.getIfPresent(n);
        if (connu != null) {
            return connu;
        }
        long id = dossiers.exigerNumero(n).id();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    ids.put(n, id);
                }
            });
        } else {
            ids.put(n, id);
        }
        return id;
    }

    /** The dossier's number, for a use case that reads the dossier itself (once, by that number). */
    public String numero(DelegateExecution execution) {
        return exigerNumero(execution.getProcessBusinessKey());
    }

    private static String exigerNumero(String numero) {
        if (numero == null || numero.isBlank()) {
            throw new IllegalStateException("Processus sans clé métier : le dossier dont il relève ne peut pas être retrouvé.");
        }
        return numero;
    }
}
