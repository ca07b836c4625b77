package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.domain.Vague;

/** What the use cases need from the engine for a wave: its committee process. */
public interface ProcessusVague {

    /** Starts the wave's committee process, which waits for the deadline (or an early close). */
    void demarrer(Vague vague);

    /** A programme manager closes the wave before its deadline. */
    void demanderCloture(String code);

    /**
     * Decisions on these dossiers were recorded outside their decision tasks (bulk API):
     * their open decision tasks are completed, by this committee member.
     */
    void decisionsEnregistrees(String code, java.util.Collection<String> numeros, String membre);

    /**
     * The wave's deadline moved: the timer its committee process waits on fires at the new date. Refused
     * ({@link fr.gouv.fabriques.domain.ErreurMetier}) when the process no longer waits for the deadline.
     */
    void reporterDateLimite(String code, java.time.Instant dateLimite);
}
