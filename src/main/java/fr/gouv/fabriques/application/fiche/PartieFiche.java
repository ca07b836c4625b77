package fr.gouv.fabriques.application.fiche;

/**
 * The parts of a dossier sheet, in the order the sheet shows them; a Tasklist form shows the
 * ones its task needs ({@link FicheMarkdown#rendre}).
 */
public enum PartieFiche {
    /** Structure, contact, project and amounts requested. */
    DEMANDE("Demande"),
    PIECES("Pièces jointes"),
    COMPLETUDE("Complétude"),
    AVIS_TERRITORIAL("Avis territorial"),
    INSTRUCTION("Instruction"),
    VALIDATION("Validation de la proposition"),
    COMITE("Comité de sélection"),
    CONVENTION("Convention"),
    /** Payments, annual reports, recovery orders. */
    VERSEMENTS("Versements, bilans et reversements"),
    JOURNAL("Journal du dossier");

    private final String titre;

    PartieFiche(String titre) {
        this.titre = titre;
    }

    /** The part's heading, in French. */
    public String titre() {
        return titre;
    }
}
