package fr.gouv.fabriques.application.port;

/** No dossier with this number (or id). */
public class DossierIntrouvable extends RuntimeException {
    public DossierIntrouvable(String reference) {
        super("Aucun dossier " + reference);
    }
}
