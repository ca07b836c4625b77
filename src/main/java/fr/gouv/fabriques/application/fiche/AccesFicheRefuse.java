package fr.gouv.fabriques.application.fiche;

/** The agent may use the agents' API but not read this dossier (a referent of another département). */
public class AccesFicheRefuse extends RuntimeException {

    public AccesFicheRefuse(String message) {
        super(message);
    }
}
