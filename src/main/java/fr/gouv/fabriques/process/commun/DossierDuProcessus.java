package fr.gouv.fabriques.process.commun;

import fr.gouv.fabriques.application.port.DossierRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The dossier a delegate or listener works on, found from what no agent can change: the
 * business key of its process instance (the dossier's number, handed down to every called
 * process) and the database — never from a process variable, which a submitted value
 * could have overwritten. Changing a business key needs an UPDATE permission on process
 * instances that no agent group holds (process/identite/MatriceAutorisations).
 */
@Component
public class DossierDuProcessus {

    private final DossierRepository dossiers;

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
        return dossiers.exigerNumero(exigerNumero(numero)).id();
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
