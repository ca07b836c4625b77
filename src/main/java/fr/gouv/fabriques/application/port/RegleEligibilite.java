package fr.gouv.fabriques.application.port;

import java.util.List;

/**
 * The eligibility rule (bpmn/eligibilite.dmn, edited by analysts): given the facts of
 * a dossier, the reasons it is not eligible; none means eligible.
 */
public interface RegleEligibilite {

    List<String> motifsIrrecevabilite(FaitsEligibilite faits);

    /**
     * @param typeEpci type of the EPCI à fiscalité propre of the dossier's commune (CC, CA, CU,
     *                 METRO, MET69), from the reference geography; null for a commune outside any EPCI
     */
    record FaitsEligibilite(String appel, String categorie, int montantTotal, int montantAnnuelMax,
            boolean codeQpvRenseigne, String formeJuridique, String typeEpci) {
    }
}
