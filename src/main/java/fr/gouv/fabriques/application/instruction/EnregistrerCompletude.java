package fr.gouv.fabriques.application.instruction;

import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.InstructionRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.StatutDossier;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** « Vérifier la complétude »: the instructor says the dossier is complete, or lists the missing pieces. */
@Service
public class EnregistrerCompletude {

    private final DossierRepository dossiers;
    private final InstructionRepository instructions;
    private final Journal journal;
    private final Clock horloge;

    public EnregistrerCompletude(DossierRepository dossiers, InstructionRepository instructions, Journal journal, Clock horloge) {
        this.dossiers = dossiers;
        this.instructions = instructions;
        this.journal = journal;
        this.horloge = horloge;
    }

    /** @return whether the dossier is complete */
    @Transactional
    public boolean enregistrer(long dossierId, boolean complet, String piecesManquantes, String agent) {
        Dossier dossier = dossiers.exiger(dossierId);
        dossier.exigerStatut("vérifier la complétude", StatutDossier.EN_INSTRUCTION);
        Instant maintenant = horloge.instant();
        if (complet) {
            instructions.enregistrerCompletude(dossierId, true, null, agent, maintenant);
            journal.noter(dossier, TypeEvenement.COMPLETUDE, "Dossier complet", true, agent, maintenant);
            return true;
        }
        if (piecesManquantes == null || piecesManquantes.strip().length() < 3) {
            throw new ErreursValidation("piecesManquantes",
                    "listez les pièces manquantes : le porteur reçoit cette liste et doit pouvoir y répondre");
        }
        if (piecesManquantes.length() > 2000) {
            throw new ErreursValidation("piecesManquantes", "2 000 caractères au plus");
        }
        String pieces = piecesManquantes.strip();
        instructions.enregistrerCompletude(dossierId, false, pieces, agent, maintenant);
        dossier.passerA(StatutDossier.EN_ATTENTE_COMPLEMENTS, maintenant);
        dossiers.mettreAJour(dossier);
        journal.noter(dossier, TypeEvenement.DEMANDE_COMPLEMENTS, "Pièces demandées : " + pieces, true, agent, maintenant);
        return false;
    }
}
