package fr.gouv.fabriques.domain.simulation;

import fr.gouv.fabriques.domain.Avis;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.TypeDecision;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a replay found, per wave and overall. « Avant » is the wave replayed under the recorded
 * outcome (tables, quotas and envelope of the time), « après » under the candidate rules; the
 * committee's actual decision stands beside both: it kept the last word.
 */
public record RapportSimulation(List<Vague> vagues, Synthese global) {

    /** What changes for a dossier in a wave, and whether a laureate would leave or another come in. */
    public enum Mouvement {
        /** Laureate of the committee, within its quota before, out of it with the candidate rules. */
        SORTIRAIT,
        /** Not a laureate, out of the quota before, within it with the candidate rules. */
        ENTRERAIT
    }

    /**
     * @param rangAvant      rank within its category among the wave's eligible scored dossiers, null when not ranked
     * @param dansQuotaAvant whether the rank fell within the places left (and the envelope), « rang dans le quota »
     * @param dejaLaureat    with the candidate rules, the dossier was already a laureate of an earlier wave (adjourned dossiers)
     */
    public record LigneDossier(String vague, String numero, String structure, Categorie categorie, String region, String departement,
            TypeDecision decisionReelle, Avis avisTerritorial, boolean eligibleAvant, boolean eligibleApres, BigDecimal scoreAvant,
            BigDecimal scoreApres, Avis recommandationAvant, Avis recommandationApres, Integer rangAvant, Integer rangApres,
            boolean dansQuotaAvant, boolean dansQuotaApres, boolean dejaLaureat, Mouvement mouvement, boolean entreesReconstituees) {

        public boolean eligibiliteChange() {
            return eligibleAvant != eligibleApres;
        }

        public boolean recommandationChange() {
            return recommandationAvant != recommandationApres;
        }

        public boolean rangChange() {
            return !java.util.Objects.equals(rangAvant, rangApres);
        }

        public boolean scoreChange() {
            return scoreAvant == null ? scoreApres != null : scoreApres == null || scoreAvant.compareTo(scoreApres) != 0;
        }

        public boolean change() {
            return eligibiliteChange() || recommandationChange() || rangChange() || scoreChange() || dansQuotaAvant != dansQuotaApres
                    || mouvement != null;
        }
    }

    /** Places and envelope of one category in one wave (or overall), before and after. */
    public record ParCategorie(Categorie categorie, int quotaAvant, int quotaApres, int placesAvant, int placesApres, int laureatsReels,
            int dansQuotaAvant, int dansQuotaApres, long engageAvant, long engageApres) {
    }

    /** Laureates of a région or département: as decided, and as they would be (decided − leaving + coming in). */
    public record Repartition(String code, int laureatsReels, int laureatsApres) {
    }

    public record Synthese(int dossiersRejoues, int dossiersChanges, int eligibiliteChangee, int recommandationChangee, int rangChange,
            int sortants, int entrants, long enveloppeAvant, long enveloppeApres, List<ParCategorie> categories, List<Repartition> regions,
            List<Repartition> departements) {
    }

    /**
     * @param etatReconstitue the quotas and counters of the time were rebuilt, not recorded
     * @param lignes          only the dossiers for which something changes
     */
    public record Vague(String code, String appel, String dateComite, boolean etatReconstitue, int entreesReconstituees, Synthese synthese,
            List<LigneDossier> lignes) {
    }

    public int sortants() {
        return global.sortants();
    }

    public int entrants() {
        return global.entrants();
    }

    public int dossiersChanges() {
        return global.dossiersChanges();
    }

    /** Every line of every wave. */
    public List<LigneDossier> lignes() {
        return vagues.stream().flatMap(v -> v.lignes().stream()).toList();
    }

}
