package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.domain.Vague;

/** What the use cases need from the engine for a wave: its committee process. */
public interface ProcessusVague {

    /** Starts the wave's committee process, which waits for the deadline (or an early close). */
    void demarrer(Vague vague);

    /** A programme manager closes the wave before its deadline. */
    void demanderCloture(String code);
}
