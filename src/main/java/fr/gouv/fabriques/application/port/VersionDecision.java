package fr.gouv.fabriques.application.port;

/**
 * One deployed version of a DMN decision, as the engine numbers it: what a dossier's record
 * keeps to say which version of an analyst's table decided.
 *
 * @param cle     the decision's key (« Decision_Eligibilite »)
 * @param version the engine's version number of that key, 1 for the first deployment
 * @param id      the engine's decision definition id (key:version:uuid)
 */
public record VersionDecision(String cle, int version, String id) {

    /** « Decision_Eligibilite v3 ». */
    public String libelle() {
        return cle + " v" + version;
    }
}
