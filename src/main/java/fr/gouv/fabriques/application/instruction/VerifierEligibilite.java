package fr.gouv.fabriques.application.instruction;

import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.InstructionRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.RegleEligibilite.Evaluation;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.StatutDossier;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lifecycle step 2, automatic eligibility: the DMN rules (latest deployed version) say why a
 * dossier is not eligible; an eligible dossier goes into instruction, another ends
 * « irrecevable » with its reasons recorded and shown to the applicant. Either way the
 * version of the table that decided is recorded with the decision and named in the journal.
 * The step runs in the deposit's transaction (doc/adr/0022) and gets the deposit's own evaluation
 * ({@link EvaluerEligibilite}, the table asked once); run again later (Cockpit, a migration), it asks
 * the table anew, and declares the dossier irrecevable if stricter rules were deployed since.
 */
@Service
public class VerifierEligibilite {

    private final DossierRepository dossiers;
    private final InstructionRepository instructions;
    private final EvaluerEligibilite eligibilite;
    private final Journal journal;
    private final Clock horloge;

    public VerifierEligibilite(DossierRepository dossiers, InstructionRepository instructions, EvaluerEligibilite eligibilite,
            Journal journal, Clock horloge) {
        this.dossiers = dossiers;
        this.instructions = instructions;
        this.eligibilite = eligibilite;
        this.journal = journal;
        this.horloge = horloge;
    }

    /** The dossier of that number (its process's business key), read once. */
    @Transactional
    public boolean verifier(String numero) {
        Dossier dossier = dossiers.exigerNumero(numero);
        long dossierId = dossier.id();
        Evaluation evaluation = eligibilite.evaluer(dossier);
        Instant maintenant = horloge.instant();
        instructions.enregistrerEligibilite(dossierId, evaluation);
        String table = " (table d'éligibilité " + evaluation.decision().libelle() + ")";
        if (evaluation.eligible()) {
            dossier.passerA(StatutDossier.EN_INSTRUCTION, maintenant);
            dossiers.mettreAJour(dossier);
            journal.noter(dossier, TypeEvenement.RECEVABILITE, "Dossier recevable : instruction ouverte" + table, true, "système", maintenant);
            return true;
        }
        dossier.passerA(StatutDossier.IRRECEVABLE, maintenant);
        dossiers.mettreAJour(dossier);
        journal.noter(dossier, TypeEvenement.IRRECEVABILITE, "Dossier irrecevable : " + evaluation.texteMotifs() + table, true, "système",
                maintenant);
        return false;
    }
}
