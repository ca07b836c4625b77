package fr.gouv.fabriques.application.instruction;

import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.EtapeNonAttendue;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.ProcessusDossier;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.StatutDossier;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The applicant answers a completeness request (API); the instruction resumes. */
@Service
public class RepondreDemandeComplements {

    private final DossierRepository dossiers;
    private final Journal journal;
    private final ProcessusDossier processus;
    private final Clock horloge;

    public RepondreDemandeComplements(DossierRepository dossiers, Journal journal, ProcessusDossier processus, Clock horloge) {
        this.dossiers = dossiers;
        this.journal = journal;
        this.processus = processus;
        this.horloge = horloge;
    }

    @Transactional
    public StatutDossier repondre(Dossier dossier, String message) {
        if (message == null || message.isBlank() || message.length() > 5000) {
            throw new ErreursValidation("message", "décrivez les pièces ou informations apportées (1 à 5 000 caractères)");
        }
        dossier.exigerStatut("répondre à une demande de compléments", StatutDossier.EN_ATTENTE_COMPLEMENTS);
        StatutDossier avant = dossier.statut();
        Instant maintenant = horloge.instant();
        dossier.passerA(StatutDossier.EN_INSTRUCTION, maintenant);
        dossiers.mettreAJour(dossier);
        journal.noter(dossier.id(), TypeEvenement.COMPLEMENTS_RECUS, "Compléments reçus : " + message.strip(), true, "porteur", maintenant);
        try {
            processus.complementsRecus(dossier.numero());
        } catch (EtapeNonAttendue e) {
            throw e.selon(avant);
        }
        return dossier.statut();
    }
}
