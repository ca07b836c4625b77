package fr.gouv.fabriques.application.instruction;

import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.InstructionRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.ReferentielGeographique;
import fr.gouv.fabriques.application.port.RegleEligibilite;
import fr.gouv.fabriques.application.port.RegleEligibilite.FaitsEligibilite;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.Commune;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.StatutDossier;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lifecycle step 2, automatic eligibility: the DMN rule says why a dossier is not
 * eligible; an eligible dossier goes into instruction, another ends « irrecevable »
 * with its reasons recorded and shown to the applicant.
 */
@Service
public class VerifierEligibilite {

    private final DossierRepository dossiers;
    private final InstructionRepository instructions;
    private final RegleEligibilite regle;
    private final Journal journal;
    private final Clock horloge;
    private final ReferentielGeographique geographie;

    public VerifierEligibilite(DossierRepository dossiers, InstructionRepository instructions, RegleEligibilite regle,
            Journal journal, Clock horloge, ReferentielGeographique geographie) {
        this.dossiers = dossiers;
        this.instructions = instructions;
        this.regle = regle;
        this.journal = journal;
        this.horloge = horloge;
        this.geographie = geographie;
    }

    @Transactional
    public boolean verifier(long dossierId) {
        Dossier dossier = dossiers.exiger(dossierId);
        MontantsAnnuels m = dossier.montantsDemandes();
        List<String> motifs = regle.motifsIrrecevabilite(new FaitsEligibilite(dossier.appel().name(), dossier.categorie().name(),
                m.total(), Collections.max(m.parAnnee()), dossier.structure().codeQpv() != null,
                dossier.structure().formeJuridique().name(), typeEpci(dossier)));
        Instant maintenant = horloge.instant();
        if (motifs.isEmpty()) {
            dossier.passerA(StatutDossier.EN_INSTRUCTION, maintenant);
            dossiers.mettreAJour(dossier);
            journal.noter(dossierId, TypeEvenement.RECEVABILITE, "Dossier recevable : instruction ouverte", true, "système", maintenant);
            return true;
        }
        String texte = String.join(" ; ", motifs);
        dossier.passerA(StatutDossier.IRRECEVABLE, maintenant);
        dossiers.mettreAJour(dossier);
        instructions.enregistrerIrrecevabilite(dossierId, texte);
        journal.noter(dossierId, TypeEvenement.IRRECEVABILITE, "Dossier irrecevable : " + texte, true, "système", maintenant);
        return false;
    }

    /**
     * The EPCI type of the dossier's commune. The deposit checked the code; a commune merged
     * since then into a commune nouvelle is read through the commune it joined.
     */
    private String typeEpci(Dossier dossier) {
        String code = dossier.structure().adresse().codeInsee();
        return geographie.commune(code).or(() -> geographie.communeActuelleDe(code)).map(Commune::typeEpci).orElse(null);
    }
}
