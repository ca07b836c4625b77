package fr.gouv.fabriques.process.commun;

/**
 * Names of the process variables shared by every process of a dossier. They carry
 * ids and the few facts that routing, timers and Tasklist columns need; the dossier
 * itself lives in PostgreSQL.
 */
public final class Variables {

    /** Database id of the dossier: what every delegate passes to its use case. */
    public static final String DOSSIER_ID = "dossierId";
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
