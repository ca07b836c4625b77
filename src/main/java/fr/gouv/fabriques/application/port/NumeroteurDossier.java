package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.domain.Appel;

/**
 * Hands out human-readable dossier numbers, unique and increasing per call and year, each in a short transaction of
 * its own: a deposit that fails after taking its number leaves a gap (doc/adr/0019).
 */
public interface NumeroteurDossier {
    String prochain(Appel appel, int annee);
}
