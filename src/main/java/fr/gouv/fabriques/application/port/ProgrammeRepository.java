package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.Programme;
import java.time.Instant;

/** The single row of the programme's counters. */
public interface ProgrammeRepository {

    /** Creates the row from configuration if absent; applies the configured envelope and total. */
    void initialiser(Programme configure);

    Programme lire();

    /** Reads the row and locks it until the end of the transaction: publications are serialised here. */
    Programme verrouiller();

    /** Saves the counters; the database refuses any state beyond quotas or envelope. */
    void enregistrer(Programme programme);

    void noterReequilibrage(Categorie de, Categorie vers, int nombre, String motif, String par, Instant le);

    /**
     * Keeps the counters as they stood before a wave's decisions were published (quotas, laureates,
     * envelope, committed): what a replay of that wave applies (« Simuler un changement de règle »).
     */
    void noterEtatAvantPublication(String vague, Programme avant, Instant le);
}
