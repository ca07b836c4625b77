package fr.gouv.fabriques.application.instruction;

import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.InstructionRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.Avis;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.PlafondsFinancement;
import fr.gouv.fabriques.domain.StatutDossier;
import fr.gouv.fabriques.domain.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** « Instruire le dossier »: the instructor's proposal and the amounts proposed, checked against the caps. */
@Service
public class InstruireDossier {

    private final DossierRepository dossiers;
    private final InstructionRepository instructions;
    private final PlafondsFinancement plafonds;
    private final Journal journal;
    private final Clock horloge;

    public InstruireDossier(DossierRepository dossiers, InstructionRepository instructions, PlafondsFinancement plafonds,
            Journal journal, Clock horloge) {
        this.dossiers = dossiers;
        this.instructions = instructions;
        this.plafonds = plafonds;
        this.journal = journal;
        this.horloge = horloge;
    }

    @Transactional
    public void instruire(long dossierId, Avis proposition, MontantsAnnuels montantsProposes, String motif, String instructeur) {
        Dossier dossier = dossiers.exiger(dossierId);
        dossier.exigerStatut("instruire le dossier", StatutDossier.EN_INSTRUCTION);
        List<Violation> violations = new ArrayList<>();
        if (proposition == null) {
            violations.add(new Violation("proposition", "choisissez une proposition : FAVORABLE, RESERVE ou DEFAVORABLE"));
        }
        if (montantsProposes == null) {
            violations.add(new Violation("montantsProposes", "proposez un montant pour chacune des 3 années"));
        } else if (proposition != Avis.DEFAVORABLE) {
            violations.addAll(plafonds.violations(montantsProposes, annee -> "montantPropose" + annee, "montantsProposes"));
        }
        if (motif == null || motif.strip().length() < 10) {
            violations.add(new Violation("motifProposition", "motivez la proposition (10 caractères au moins)"));
        } else if (motif.length() > 5000) {
            violations.add(new Violation("motifProposition", "5 000 caractères au plus"));
        }
        if (!violations.isEmpty()) {
            throw new ErreursValidation(violations);
        }
        Instant maintenant = horloge.instant();
        instructions.enregistrerProposition(dossierId, proposition, montantsProposes, motif.strip(), instructeur, maintenant);
        journal.noter(dossierId, TypeEvenement.PROPOSITION_INSTRUCTION, "Proposition d'instruction " + proposition + " ("
                + PlafondsFinancement.euros(montantsProposes.total()) + " sur 3 ans)", false, instructeur, maintenant);
    }
}
