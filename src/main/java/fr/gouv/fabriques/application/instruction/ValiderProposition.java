package fr.gouv.fabriques.application.instruction;

import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.InstructionRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.StatutDossier;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * « Valider la proposition »: a programme manager other than the instructor (four
 * eyes) validates the proposal, which sends the dossier to the committee, or sends
 * it back to the instructor.
 */
@Service
public class ValiderProposition {

    private final DossierRepository dossiers;
    private final InstructionRepository instructions;
    private final Journal journal;
    private final Clock horloge;

    public ValiderProposition(DossierRepository dossiers, InstructionRepository instructions, Journal journal, Clock horloge) {
        this.dossiers = dossiers;
        this.instructions = instructions;
        this.journal = journal;
        this.horloge = horloge;
    }

    /** @return whether the proposal is validated */
    @Transactional
    public boolean valider(long dossierId, boolean validee, String commentaire, String gestionnaire) {
        Dossier dossier = dossiers.exiger(dossierId);
        dossier.exigerStatut("valider la proposition", StatutDossier.EN_INSTRUCTION);
        InstructionRepository.Proposition proposition = instructions.proposition(dossierId)
                .orElseThrow(() -> new ErreurMetier("Aucune proposition d'instruction à valider pour le dossier " + dossier.numero()));
        if (gestionnaire == null || gestionnaire.equals(proposition.instruitPar())) {
            throw new ErreurMetier("validation", "Principe des quatre yeux : la proposition du dossier " + dossier.numero()
                    + " a été instruite par « " + proposition.instruitPar() + " » ; elle doit être validée par une autre personne.");
        }
        if (!validee && (commentaire == null || commentaire.isBlank())) {
            throw new ErreursValidation("commentaireValidation", "dites à l'instructeur ce qui est à revoir");
        }
        Instant maintenant = horloge.instant();
        instructions.enregistrerValidation(dossierId, validee, commentaire == null ? null : commentaire.strip(), gestionnaire, maintenant);
        if (validee) {
            dossier.passerA(StatutDossier.INSTRUIT, maintenant);
            dossiers.mettreAJour(dossier);
            journal.noter(dossier, TypeEvenement.VALIDATION_PROPOSITION, "Instruction terminée : dossier transmis au comité de sélection",
                    true, gestionnaire, maintenant);
        } else {
            journal.noter(dossier, TypeEvenement.VALIDATION_PROPOSITION, "Proposition renvoyée à l'instructeur : " + commentaire.strip(),
                    false, gestionnaire, maintenant);
        }
        return validee;
    }
}
