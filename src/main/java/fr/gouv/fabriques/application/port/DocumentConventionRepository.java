package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.domain.DocumentConvention;
import fr.gouv.fabriques.domain.FichierConvention;
import fr.gouv.fabriques.domain.NatureDocumentConvention;
import java.util.List;
import java.util.Optional;

/** The convention documents (PDF) of the dossiers: one of each kind per dossier at most (unique key). */
public interface DocumentConventionRepository {

    /** Stores the document in the caller's transaction; a second one of the same kind for a dossier is refused. */
    void ajouter(FichierConvention fichier);

    /** Its description, without reading its content. */
    Optional<DocumentConvention> description(long dossierId, NatureDocumentConvention nature);

    List<DocumentConvention> descriptions(long dossierId);

    Optional<FichierConvention> fichier(long dossierId, NatureDocumentConvention nature);
}
