package fr.gouv.fabriques.application.port;

import fr.gouv.fabriques.domain.Avis;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.StatutDossier;
import fr.gouv.fabriques.domain.TypeDecision;
import java.math.BigDecimal;
import java.util.List;

/** The dossiers a committee decides: those of the wave waiting for it, ranked by score within each category. */
public interface ClassementVague {

    List<Ligne> dossiersASeance(String vague);

    /** One dossier of the wave's agenda, if it is on it. */
    java.util.Optional<Ligne> dossierASeance(String vague, String numero);

    record Ligne(long dossierId, String numero, String structure, Categorie categorie, StatutDossier statut, BigDecimal score,
            Avis recommandation, MontantsAnnuels montantsDemandes, MontantsAnnuels montantsProposes,
            TypeDecision decisionProposee, MontantsAnnuels montantsProposesParLeComite, String motivationProposee) {
    }
}
