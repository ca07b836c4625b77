package fr.gouv.fabriques.application.instruction;

import fr.gouv.fabriques.application.fiche.FormatsFiche;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.GrilleNotation;
import fr.gouv.fabriques.application.port.InstructionRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.Avis;
import fr.gouv.fabriques.domain.Critere;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.Notation;
import fr.gouv.fabriques.domain.PlafondsFinancement;
import fr.gouv.fabriques.domain.StatutDossier;
import fr.gouv.fabriques.domain.Violation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * « Instruire le dossier »: the instructor scores each published criterion (0–5),
 * proposes an amount per year and declares having no conflict of interest. The
 * total score and the recommendation are computed from the analysts' grid
 * (bpmn/notation-instruction.dmn), never typed.
 */
@Service
public class InstruireDossier {

    private final DossierRepository dossiers;
    private final InstructionRepository instructions;
    private final GrilleNotation grille;
    private final PlafondsFinancement plafonds;
    private final Journal journal;
    private final Clock horloge;

    public InstruireDossier(DossierRepository dossiers, InstructionRepository instructions, GrilleNotation grille,
            PlafondsFinancement plafonds, Journal journal, Clock horloge) {
        this.dossiers = dossiers;
        this.instructions = instructions;
        this.grille = grille;
        this.plafonds = plafonds;
        this.journal = journal;
        this.horloge = horloge;
    }

    public record Proposition(Map<Critere, Integer> notes, MontantsAnnuels montantsProposes, String motif,
            boolean absenceConflitInterets) {
    }

    public record Resultat(BigDecimal score, Avis recommandation) {
    }

    @Transactional
    public Resultat instruire(long dossierId, Proposition p, String instructeur) {
        Dossier dossier = dossiers.exiger(dossierId);
        dossier.exigerStatut("instruire le dossier", StatutDossier.EN_INSTRUCTION);
        List<Violation> violations = new ArrayList<>();
        if (!p.absenceConflitInterets()) {
            violations.add(new Violation("absenceConflitInterets", "déclarez n'avoir aucun conflit d'intérêts avec la structure ; "
                    + "en cas de conflit, ne traitez pas ce dossier et rendez la tâche pour qu'un autre instructeur la reprenne"));
        }
        Notation notation = null;
        try {
            notation = Notation.de(p.notes());
        } catch (ErreursValidation e) {
            violations.addAll(e.violations());
        }
        if (p.montantsProposes() == null) {
            violations.add(new Violation("montantsProposes", "proposez un montant pour chacune des 3 années"));
        } else {
            violations.addAll(plafonds.violations(p.montantsProposes(), annee -> "montantPropose" + annee, "montantsProposes"));
        }
        if (p.motif() == null || p.motif().strip().length() < 10) {
            violations.add(new Violation("motifProposition", "motivez la proposition (10 caractères au moins)"));
        } else if (p.motif().length() > 5000) {
            violations.add(new Violation("motifProposition", "5 000 caractères au plus"));
        }
        if (!violations.isEmpty()) {
            throw new ErreursValidation(violations);
        }
        GrilleNotation.Ponderation ponderation = grille.ponderation(dossier.categorie());
        Map<Critere, Integer> poids = ponderation.poids();
        BigDecimal score = notation.score(poids);
        GrilleNotation.Recommandation r = grille.recommander(score);
        Avis recommandation = r.avis();
        Instant maintenant = horloge.instant();
        instructions.enregistrerProposition(dossierId, notation, poids, score, recommandation, p.montantsProposes(), p.motif().strip(),
                instructeur, maintenant, new InstructionRepository.VersionsGrille(ponderation.version(), r.version()));
        journal.noter(dossier, TypeEvenement.PROPOSITION_INSTRUCTION, "Instruction : score " + FormatsFiche.nombre(score) + " / 100, recommandation "
                + recommandation + ", " + PlafondsFinancement.euros(p.montantsProposes().total()) + " proposés sur 3 ans (grille de notation : "
                + ponderation.version().libelle() + ", " + r.version().libelle() + ")",
                false, instructeur, maintenant);
        return new Resultat(score, recommandation);
    }
}
