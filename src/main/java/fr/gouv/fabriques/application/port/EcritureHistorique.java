package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.domain.Appel;
import fr.gouv.fabriques.domain.Avis;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.Critere;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.Programme;
import fr.gouv.fabriques.domain.TypeDecision;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Writes a generated past programme in bulk (demo mode, « Historique de démonstration » in the
 * README): waves, dossiers with their instruction, published committee decisions, the counters
 * before each publication. Everything in one transaction, within the tables' constraints.
 */
public interface EcritureHistorique {

    /** Whether any dossier already belongs to one of these waves (the history is then left alone). */
    boolean dejaSeme(List<String> vagues);

    void ecrire(Historique historique);

    record Historique(List<VagueEcrite> vagues, List<DossierEcrit> dossiers, List<DecisionEcrite> decisions, Reequilibrage reequilibrage,
            Programme programmeFinal) {
    }

    record VagueEcrite(String code, Appel appel, Instant dateLimite, LocalDate dateComite, Instant publieeLe, Programme avant,
            int laureats, int refuses, int ajournes, long engagement) {
    }

    /**
     * @param vague               the dossier's current wave (the last it was on)
     * @param motifsIrrecevabilite null when eligible
     * @param notes               null when never scored (irrecevable)
     */
    record DossierEcrit(String numero, Appel appel, String vague, Categorie categorie, String raisonSociale, String siret,
            String formeJuridique, String commune, String codeInsee, String codePostal, String departement, String region, String codeQpv,
            String projet, MontantsAnnuels montantsDemandes, String statut, Instant deposeLe, Instant modifieLe,
            Map<String, Object> entreesEligibilite, String motifsIrrecevabilite, VersionDecision versionEligibilite, Avis avisTerritorial,
            Map<Critere, Integer> notes, Map<Critere, Integer> poids, BigDecimal score, Avis recommandation, MontantsAnnuels montantsProposes,
            VersionDecision versionPoids, VersionDecision versionRecommandation, Instant instruitLe) {
    }

    record DecisionEcrite(String numero, String vague, TypeDecision decision, MontantsAnnuels montants, String motivation, long engagement,
            Instant decideLe) {
    }

    record Reequilibrage(Categorie de, Categorie vers, int nombre, String motif, Instant le) {
    }
}
