package fr.gouv.fabriques.application.liste;

import java.math.BigDecimal;
import java.time.Instant;

/** One line of the dossiers list: what an agent scans before opening the dossier's sheet. */
public record ResumeDossier(String numero, String structure, String siret, String commune, String departement, String region,
        String categorie, String appel, String vague, String statut, String statutLibelle, long montantDemande, Long montantDecide,
        BigDecimal score, String avisReferent, String recommandation, Instant deposeLe) {
}
