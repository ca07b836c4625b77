package fr.gouv.fabriques.application.instruction;

import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.InstructionRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.Avis;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.StatutDossier;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** « Donner l'avis territorial »: the préfecture's referent gives a structured opinion, or lets the deadline pass. */
@Service
public class EnregistrerAvisTerritorial {

    private final DossierRepository dossiers;
    private final InstructionRepository instructions;
    private final Journal journal;
    private final Clock horloge;

    public EnregistrerAvisTerritorial(DossierRepository dossiers, InstructionRepository instructions, Journal journal, Clock horloge) {
        this.dossiers = dossiers;
        this.instructions = instructions;
        this.journal = journal;
        this.horloge = horloge;
    }

    @Transactional
    public void enregistrer(long dossierId, Avis avis, String commentaire, String referent) {
        Dossier dossier = dossiers.exiger(dossierId);
        dossier.exigerStatut("donner l'avis territorial", StatutDossier.EN_INSTRUCTION);
        if (avis == null) {
            throw new ErreursValidation("avisTerritorial", "choisissez un avis : FAVORABLE, RESERVE ou DEFAVORABLE");
        }
        if (avis != Avis.FAVORABLE && (commentaire == null || commentaire.isBlank())) {
            throw new ErreursValidation("commentaireAvis", "un avis réservé ou défavorable doit être motivé");
        }
        if (commentaire != null && commentaire.length() > 4000) {
            throw new ErreursValidation("commentaireAvis", "4 000 caractères au plus");
        }
        Instant maintenant = horloge.instant();
        instructions.enregistrerAvis(dossierId, avis, commentaire == null ? null : commentaire.strip(), referent, maintenant);
        journal.noter(dossier, TypeEvenement.AVIS_TERRITORIAL, "Avis territorial " + avis, false, referent, maintenant);
    }

    /** The deadline passed without an opinion: instruction goes on, and the absence is on record. */
    @Transactional
    public void constaterAbsence(long dossierId) {
        Instant maintenant = horloge.instant();
        instructions.enregistrerAbsenceAvis(dossierId, maintenant);
        journal.noter(dossierId, TypeEvenement.AVIS_TERRITORIAL_ABSENT,
                "Avis territorial non rendu dans le délai : l'instruction se poursuit sans lui", false, "système", maintenant);
    }
}
