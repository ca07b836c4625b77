package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.domain.Appel;

/** Hands out human-readable dossier numbers, unique, in the deposit's transaction. */
public interface NumeroteurDossier {
    String prochain(Appel appel, int annee);
}
