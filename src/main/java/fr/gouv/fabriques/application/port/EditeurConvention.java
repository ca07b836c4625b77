package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.application.convention.ContenuConvention;

/**
 * Lays the convention out as a PDF from the template analysts edit
 * ({@code src/main/resources/convention/modele-convention.txt}) and the dossier's values.
 */
public interface EditeurConvention {

    /** The PDF's bytes. The same content gives the same bytes. */
    byte[] editer(ContenuConvention contenu);
}
