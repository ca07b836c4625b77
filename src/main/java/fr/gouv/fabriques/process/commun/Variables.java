package fr.gouv.fabriques.process.commun;

/**
 * Names of the process variables shared by every process of a dossier. They carry
 * the few facts that routing, timers and Tasklist columns need; the dossier itself
 * lives in PostgreSQL, found from the business key (DossierDuProcessus), never from a
 * variable. These five are copied into every called process, each named in the call activity's
 * mappings (camunda:in source=… target=…), with what that phase reads besides (the year of a payment):
 * one more variable costs a row and a historic variable per call, so none is kept that nothing reads.
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

    /** The five, in this order: what every called process receives (doc/adr/0023). */
    public static final java.util.List<String> DU_DOSSIER = java.util.List.of(NUMERO, STRUCTURE, CATEGORIE, VAGUE, DEPARTEMENT);

    private Variables() {
    }
}
