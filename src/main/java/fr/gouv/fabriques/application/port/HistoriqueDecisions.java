package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.domain.Appel;
import fr.gouv.fabriques.domain.Avis;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.Critere;
import fr.gouv.fabriques.domain.FormeJuridique;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.TypeDecision;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The programme's decided history, read only: the deliberated waves, the programme's counters
 * before each publication, and each dossier as recorded when decided (« Simuler un changement de règle »).
 */
public interface HistoriqueDecisions {

    /** Deliberated waves, in the order they were decided (committee date, then deadline). */
    List<VagueDeliberee> vaguesDeliberees();

    /** The dossiers of these waves: on their agenda (one line per wave decided) and those that never reached it. */
    List<Ligne> dossiers(List<String> vagues);

    /**
     * @param reconstitue true when no row of etat_programme_vague was recorded (published before V59):
     *                    quotas are today's less the later rebalancings, counters are the earlier waves' published decisions
     */
    record VagueDeliberee(String code, Appel appel, LocalDate dateComite, int dossiers, Map<Categorie, Integer> quotas,
            Map<Categorie, Integer> laureatsAvant, long enveloppe, long engageAvant, boolean reconstitue) {
    }

    /**
     * @param vague              the wave this line replays
     * @param entreesEligibilite the recorded inputs of the eligibility table, null before V59
     * @param decision           the published decision in that wave, null when the dossier was not on its agenda
     * @param engagementDecide   what the decision committed (laureate)
     */
    record Ligne(String vague, long id, String numero, String structure, Appel appel, Categorie categorie, String region, String departement,
            MontantsAnnuels montantsDemandes, String codeQpv, FormeJuridique formeJuridique, String codeInsee,
            Map<String, Object> entreesEligibilite, boolean eligible, Map<Critere, Integer> notes, BigDecimal score, Avis recommandation,
            Avis avisTerritorial, MontantsAnnuels montantsProposes, boolean aSeance, TypeDecision decision, long engagementDecide) {
    }
}
