package fr.gouv.fabriques.process.commun;

/**
 * Names of the process variables shared by every process of a dossier. They carry
 * the few facts that routing, timers and Tasklist columns need; the dossier itself
 * lives in PostgreSQL, found from the business key (DossierDuProcessus), never from a
 * variable. Each variable is copied into every called process (camunda:in variables="all"):
 * one more variable costs a row per call, so none is kept that nothing reads.
 */
public final class Variables {

    /** Dossier number, also the business key. Shown in Tasklist. */
    public static final String NUMERO = "numero";
    /** Name of the applicant structure. Shown in Tasklist. */
    public static final String STRUCTURE = "structure";
    /** Category (quota). Shown in Tasklist. */
    public static final String CATEGORIE = "categorie";
    /** Wave code. Shown in Tasklist. */
    public static final String VAGUE = "vague";
    /** Département code: routes the referent's task to referents-{departement}. */
    public static final String DEPARTEMENT = "departement";

    private Variables() {
    }
}
