package fr.gouv.fabriques.application.versement;

import fr.gouv.fabriques.application.port.ConventionRepository;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.VersementRepository;
import fr.gouv.fabriques.domain.Convention;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.PlafondsFinancement;
import fr.gouv.fabriques.domain.StatutConvention;
import fr.gouv.fabriques.domain.ErreurMetier;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lifecycle step 5: the payment schedule derives from the signed convention: one
 * payment per year with an amount, year 1 carrying the numérique supplement.
 */
@Service
public class EtablirEcheancier {

    private final DossierRepository dossiers;
    private final ConventionRepository conventions;
    private final VersementRepository versements;
    private final PlafondsFinancement plafonds;

    public EtablirEcheancier(DossierRepository dossiers, ConventionRepository conventions, VersementRepository versements,
            PlafondsFinancement plafonds) {
        this.dossiers = dossiers;
        this.conventions = conventions;
        this.versements = versements;
        this.plafonds = plafonds;
    }

    /** @return the years still to pay, in order (all of them at first; after a suspension, those not issued) */
    @Transactional
    public List<Integer> etablir(long dossierId) {
        Dossier dossier = dossiers.exiger(dossierId);
        Convention convention = conventions.exiger(dossierId);
        if (convention.statut() != StatutConvention.SIGNEE) {
            throw new ErreurMetier("La convention du dossier " + dossier.numero() + " n'est pas signée : pas d'échéancier.");
        }
        MontantsAnnuels montants = convention.montants();
        List<Integer> annees = new ArrayList<>();
        for (int annee = 1; annee <= MontantsAnnuels.NOMBRE_ANNEES; annee++) {
            int montant = plafonds.montantVerse(montants, annee, dossier.categorie());
            if (montant > 0) {
                versements.planifier(dossierId, annee, montant);
                if (versements.parDossierEtAnnee(dossierId, annee).map(v -> !v.estEmis()).orElse(true)) {
                    annees.add(annee);
                }
            }
        }
        return annees;
    }
}
