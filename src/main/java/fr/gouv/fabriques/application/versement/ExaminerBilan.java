package fr.gouv.fabriques.application.versement;

import fr.gouv.fabriques.application.port.BilanRepository;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.DecisionBilan;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.StatutDossier;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** « Valider le bilan annuel »: the instructor approves the report, asks for corrections, or rejects it. */
@Service
public class ExaminerBilan {

    private final BilanRepository bilans;
    private final DossierRepository dossiers;
    private final Journal journal;
    private final Clock horloge;

    public ExaminerBilan(BilanRepository bilans, DossierRepository dossiers, Journal journal, Clock horloge) {
        this.bilans = bilans;
        this.dossiers = dossiers;
        this.journal = journal;
        this.horloge = horloge;
    }

    @Transactional
    public DecisionBilan examiner(long dossierId, int annee, DecisionBilan decision, String motif, String instructeur) {
        if (decision == null) {
            throw new ErreursValidation("decisionBilan", "choisissez : APPROUVE, CORRECTIONS ou REJETE");
        }
        if (decision != DecisionBilan.APPROUVE && (motif == null || motif.isBlank())) {
            throw new ErreursValidation("motifBilan", "dites au porteur ce qui doit être corrigé, ou pourquoi le bilan est rejeté");
        }
        Dossier dossier = dossiers.exiger(dossierId);
        BilanRepository.Bilan bilan = bilans.parDossierEtAnnee(dossierId, annee)
                .orElseThrow(() -> new ErreurMetier("Aucun bilan de l'année " + annee + " n'a été déposé pour le dossier " + dossier.numero()));
        if (bilan.decision() != null) {
            throw new ErreurMetier("Le bilan de l'année " + annee + " a déjà été examiné (" + bilan.decision() + ").");
        }
        Instant maintenant = horloge.instant();
        String texteMotif = motif == null || motif.isBlank() ? null : motif.strip();
        bilans.decider(dossierId, annee, decision, texteMotif, instructeur, maintenant);
        if (decision == DecisionBilan.REJETE && dossier.statut() == StatutDossier.CONVENTIONNE) {
            dossier.passerA(StatutDossier.VERSEMENTS_SUSPENDUS, maintenant);
            dossiers.mettreAJour(dossier);
        }
        String libelle = switch (decision) {
            case APPROUVE -> "Bilan de l'année " + annee + " approuvé";
            case CORRECTIONS -> "Bilan de l'année " + annee + " à corriger : " + texteMotif;
            case REJETE -> "Bilan de l'année " + annee + " rejeté, versements suspendus : " + texteMotif;
        };
        journal.noter(dossierId, TypeEvenement.BILAN_EXAMINE, libelle, true, instructeur, maintenant);
        return decision;
    }
}
