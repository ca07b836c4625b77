package fr.gouv.fabriques.domain.simulation;

import fr.gouv.fabriques.domain.Avis;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.Critere;
import fr.gouv.fabriques.domain.TypeDecision;
import java.math.BigDecimal;
import java.util.Map;

/**
 * One dossier of a past wave as it was recorded when it was decided: what a rule simulation
 * re-evaluates (eligibility inputs, the instructor's scores, the referent's opinion) and what
 * actually happened (recorded eligibility, score, recommendation, the committee's decision).
 *
 * @param entreesEligibilite    every input of the eligibility table (variable → value)
 * @param entreesReconstituees  true when the inputs were not recorded (decided before V59) and were rebuilt
 * @param notes                 the six scores, null when the dossier was never scored (irrecevable, sans suite)
 * @param aSeance               whether the dossier was on the wave's committee agenda (instructed)
 * @param decisionReelle        the committee's published decision in this wave, null if none
 * @param engagement            what it commits if laureate: its actual commitment if it was, else the instruction's proposal
 */
public record DossierRejoue(long id, String numero, String structure, Categorie categorie, String region, String departement,
        Map<String, Object> entreesEligibilite, boolean entreesReconstituees, boolean eligibleEnregistre, Map<Critere, Integer> notes,
        BigDecimal scoreEnregistre, Avis recommandationEnregistree, Avis avisTerritorial, boolean aSeance, TypeDecision decisionReelle,
        long engagement) {

    public boolean note() {
        return notes != null && notes.size() == Critere.values().length && notes.values().stream().allMatch(n -> n != null);
    }
}
