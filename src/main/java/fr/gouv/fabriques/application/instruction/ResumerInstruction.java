package fr.gouv.fabriques.application.instruction;

import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.InstructionRepository;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.PlafondsFinancement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The instruction in a few lines, for the forms of those who decide after it
 * (validation, committee): what was asked, the score, the recommendation, the
 * amounts proposed and why. Markdown, as form-js text components render it.
 */
@Service
public class ResumerInstruction {

    private final DossierRepository dossiers;
    private final InstructionRepository instructions;

    public ResumerInstruction(DossierRepository dossiers, InstructionRepository instructions) {
        this.dossiers = dossiers;
        this.instructions = instructions;
    }

    @Transactional(readOnly = true)
    public String resumer(long dossierId) {
        Dossier d = dossiers.exiger(dossierId);
        StringBuilder sb = new StringBuilder();
        sb.append("**Demandé** : ").append(montants(d.montantsDemandes())).append("  \n");
        instructions.proposition(dossierId).ifPresentOrElse(p -> {
            sb.append("**Instruction** (").append(p.instruitPar()).append(") : score **").append(p.score()).append(" / 100**, recommandation **")
                    .append(p.avis()).append("**  \n");
            sb.append("**Proposé** : ").append(montants(p.montants())).append("  \n");
            sb.append("**Motivation** : ").append(p.motif().replace("\n", " "));
        }, () -> sb.append("_Pas encore de proposition d'instruction._"));
        return sb.toString();
    }

    private static String montants(MontantsAnnuels m) {
        return PlafondsFinancement.euros(m.annee1()) + " + " + PlafondsFinancement.euros(m.annee2()) + " + "
                + PlafondsFinancement.euros(m.annee3()) + " = " + PlafondsFinancement.euros(m.total());
    }
}
