package fr.gouv.fabriques.application.convention;

/** The dossier exists but has no such convention document (yet). */
public class DocumentConventionIntrouvable extends RuntimeException {

    public DocumentConventionIntrouvable(String message) {
        super(message);
    }
}
