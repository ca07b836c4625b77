package fr.gouv.fabriques.application.versement;

import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.ReversementRepository;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.PlafondsFinancement;
import fr.gouv.fabriques.domain.StatutDossier;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recovery ordered after a suspension, followed until the money comes back: one agent of
 * the finance service records the amount received (between 0 and the amount ordered), a second
 * one validates it ({@link #valider}); the dossier then ends « soldé après reversement ». Four
 * eyes here, in the repository's conditional update and in a check constraint (V46).
 */
@Service
public class EnregistrerReversementRecu {

    /** The validator's choice. */
    public enum Decision { VALIDE, RENVOYE }

    private final DossierRepository dossiers;
    private final ReversementRepository reversements;
    private final TerminerConvention terminer;
    private final Journal journal;
    private final Clock horloge;

    public EnregistrerReversementRecu(DossierRepository dossiers, ReversementRepository reversements, TerminerConvention terminer,
            Journal journal, Clock horloge) {
        this.dossiers = dossiers;
        this.reversements = reversements;
        this.terminer = terminer;
        this.journal = journal;
        this.horloge = horloge;
    }

    @Transactional
    public void enregistrer(long dossierId, Integer montantRecu, String agent) {
        Dossier dossier = dossiers.exiger(dossierId);
        dossier.exigerStatut("enregistrer un reversement reçu", StatutDossier.VERSEMENTS_SUSPENDUS);
        ReversementRepository.Reversement r = dernier(dossier);
        if (montantRecu == null || montantRecu < 0 || montantRecu > r.montant()) {
            throw new ErreursValidation("montantRecu", "le montant reçu doit être compris entre 0 € et "
                    + PlafondsFinancement.euros(r.montant()) + " (reversement ordonné) ; reçu : "
                    + (montantRecu == null ? "rien" : PlafondsFinancement.euros(montantRecu)));
        }
        Instant maintenant = horloge.instant();
        if (!reversements.enregistrerRecu(r.id(), montantRecu, agent, maintenant)) {
            throw new ErreurMetier("Le reversement du dossier " + dossier.numero() + " vient d'être validé par ailleurs : rechargez la tâche.");
        }
        journal.noter(dossierId, TypeEvenement.REVERSEMENT_RECU, "Reversement reçu enregistré : " + PlafondsFinancement.euros(montantRecu)
                + " sur " + PlafondsFinancement.euros(r.montant()) + " ordonnés (à valider par une seconde personne)", false, agent, maintenant);
    }

    /** @return true if validated (the dossier is closed), false if sent back to be recorded again */
    @Transactional
    public boolean valider(long dossierId, Decision decision, String motif, String agent) {
        if (decision == null) {
            throw new ErreursValidation("decisionReversementRecu", "choisissez : VALIDE ou RENVOYE");
        }
        if (decision == Decision.RENVOYE && (motif == null || motif.isBlank())) {
            throw new ErreursValidation("motifRenvoiReversement", "indiquez pourquoi le montant est renvoyé à l'agent qui l'a enregistré");
        }
        Dossier dossier = dossiers.exiger(dossierId);
        dossier.exigerStatut("valider un reversement reçu", StatutDossier.VERSEMENTS_SUSPENDUS);
        ReversementRepository.Reversement r = dernier(dossier);
        if (r.recuMontant() == null) {
            throw new ErreurMetier("Aucun montant reçu n'est enregistré pour le reversement du dossier " + dossier.numero() + ".");
        }
        if (agent.equals(r.recuEnregistrePar())) {
            throw new ErreurMetier("validateur", "Principe des quatre yeux : « " + agent + " » a enregistré ce montant ; "
                    + "une autre personne du service financier doit le valider ou le renvoyer.");
        }
        Instant maintenant = horloge.instant();
        if (decision == Decision.RENVOYE) {
            if (!reversements.annulerRecu(r.id())) {
                throw new ErreurMetier("Le reversement du dossier " + dossier.numero() + " vient d'être validé par ailleurs.");
            }
            journal.noter(dossierId, TypeEvenement.REVERSEMENT_RECU_RENVOYE, "Montant reçu renvoyé à " + r.recuEnregistrePar() + " : "
                    + (motif.strip().length() > 300 ? motif.strip().substring(0, 299) + "…" : motif.strip()), false, agent, maintenant);
            return false;
        }
        if (!reversements.validerRecu(r.id(), agent, maintenant)) {
            throw new ErreurMetier("Le reversement du dossier " + dossier.numero() + " vient d'être validé ou renvoyé par ailleurs : rechargez la tâche.");
        }
        terminer.terminer(dossier, StatutDossier.SOLDE_APRES_REVERSEMENT, maintenant);
        journal.noter(dossierId, TypeEvenement.REVERSEMENT_RECU, "Reversement reçu : " + PlafondsFinancement.euros(r.recuMontant())
                + (r.recuMontant() < r.montant() ? " sur " + PlafondsFinancement.euros(r.montant()) + " ordonnés" : "")
                + ". Le dossier est soldé après reversement.", true, agent, maintenant);
        return true;
    }

    private ReversementRepository.Reversement dernier(Dossier dossier) {
        ReversementRepository.Reversement r = reversements.dernier(dossier.id())
                .orElseThrow(() -> new ErreurMetier("Aucun reversement n'est ordonné pour le dossier " + dossier.numero() + "."));
        if (r.montant() == 0) {
            throw new ErreurMetier("Le dernier reversement décidé pour le dossier " + dossier.numero() + " est nul : rien à recevoir.");
        }
        return r;
    }
}
