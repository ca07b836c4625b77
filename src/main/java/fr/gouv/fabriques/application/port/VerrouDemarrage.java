package fr.gouv.fabriques.application.port;

/**
 * Serialises the start-up work of several application nodes on one database: the first
 * node does it, the others wait, then find it done. Held until the current transaction ends.
 */
public interface VerrouDemarrage {

    /** Waits for, then holds until the end of the current transaction, the lock named {@code quoi}. */
    void prendre(String quoi);
}
