package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.application.avenant.ContenuAvenant;

/**
 * Lays an amendment out as a PDF from the template analysts edit
 * ({@code src/main/resources/convention/modele-avenant.txt}), with the convention's layout.
 */
public interface EditeurAvenant {

    /** The PDF's bytes. The same content gives the same bytes. */
    byte[] editer(ContenuAvenant contenu);
}
