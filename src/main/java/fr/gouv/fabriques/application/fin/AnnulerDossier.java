package fr.gouv.fabriques.application.fin;

import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.FinDossierRepository;
import fr.gouv.fabriques.application.port.FinDossierRepository.Etat;
import fr.gouv.fabriques.application.port.FinDossierRepository.Nature;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.ProcessusDossier;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.StatutDossier;
import java.time.Clock;
import java.time.Instant;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The State cancels a dossier for a reason (fraud, dissolution of the structure…): a gestionnaire
 * asks (agents' API), a second gestionnaire validates or refuses in Tasklist (« Valider
 * l'annulation du dossier », bpmn/annulation-dossier.bpmn). Validated, the dossier ends
 * « annulé par l'État » ({@link FinirDossier}).
 */
@Service
public class AnnulerDossier {

    /** The validator's choice. */
    public enum Decision { VALIDE, REFUSE }

    private final DossierRepository dossiers;
    private final FinDossierRepository fins;
    private final FinirDossier finir;
    private final ProcessusDossier processus;
    private final Journal journal;
    private final Clock horloge;

    public AnnulerDossier(DossierRepository dossiers, FinDossierRepository fins, FinirDossier finir, ProcessusDossier processus,
            Journal journal, Clock horloge) {
        this.dossiers = dossiers;
        this.fins = fins;
        this.finir = finir;
        this.processus = processus;
        this.journal = journal;
        this.horloge = horloge;
    }

    @Transactional
    public FinDossierRepository.FinDossier demander(String numero, String motif, String gestionnaire) {
        if (motif == null || motif.strip().length() < 10 || motif.length() > 2000) {
            throw new ErreursValidation("motif", "motivez l'annulation (10 à 2 000 caractères) : elle est notifiée au porteur une fois validée");
        }
        Dossier dossier = dossiers.exigerNumero(numero);
        if (dossier.statut().estFinal()) {
            throw new ErreurMetier("Le dossier " + numero + " est « " + dossier.statut().libelle() + " » : il est clos, il ne s'annule plus.");
        }
        Instant maintenant = horloge.instant();
        long id;
        try {
            id = fins.demander(dossier.id(), Nature.ANNULATION, motif.strip(), gestionnaire, maintenant);
        } catch (DataIntegrityViolationException deja) {
            throw new ErreurMetier("Une demande d'annulation du dossier " + numero + " attend déjà sa validation.");
        }
        journal.noter(dossier.id(), TypeEvenement.ANNULATION_DEMANDEE, "Annulation du dossier demandée (à valider par une seconde personne) : "
                + extrait(motif.strip()), false, gestionnaire, maintenant);
        processus.demanderAnnulation(dossier);
        return fins.enAttente(dossier.id()).filter(f -> f.id() == id).orElseThrow();
    }

    /** @return true if the dossier is cancelled */
    @Transactional
    public boolean decider(long dossierId, Decision decision, String commentaire, String gestionnaire) {
        if (decision == null) {
            throw new ErreursValidation("decisionAnnulation", "choisissez : VALIDE ou REFUSE");
        }
        if (decision == Decision.REFUSE && (commentaire == null || commentaire.isBlank())) {
            throw new ErreursValidation("commentaireAnnulation", "dites pourquoi l'annulation est refusée");
        }
        Dossier dossier = dossiers.exiger(dossierId);
        FinDossierRepository.FinDossier demande = fins.enAttente(dossierId)
                .orElseThrow(() -> new ErreurMetier("Aucune demande d'annulation du dossier " + dossier.numero() + " n'attend de décision."));
        if (gestionnaire.equals(demande.demandeePar())) {
            throw new ErreurMetier("validateur", "Principe des quatre yeux : « " + gestionnaire + " » a demandé cette annulation ; "
                    + "une autre personne des gestionnaires doit la valider ou la refuser.");
        }
        Instant maintenant = horloge.instant();
        String texte = commentaire == null || commentaire.isBlank() ? null : commentaire.strip();
        if (!fins.decider(demande.id(), decision == Decision.VALIDE ? Etat.VALIDEE : Etat.REFUSEE, gestionnaire, maintenant, texte)) {
            throw new ErreurMetier("La demande d'annulation du dossier " + dossier.numero() + " vient d'être décidée par ailleurs.");
        }
        if (decision == Decision.REFUSE) {
            journal.noter(dossierId, TypeEvenement.ANNULATION_REFUSEE, "Annulation refusée : " + extrait(texte), false, gestionnaire, maintenant);
            return false;
        }
        if (dossier.statut().estFinal()) {
            throw new ErreurMetier("Le dossier " + dossier.numero() + " est devenu « " + dossier.statut().libelle() + " » entre-temps : "
                    + "il est clos, il ne s'annule plus.");
        }
        finir.finir(dossier, Nature.ANNULATION, StatutDossier.ANNULE, TypeEvenement.DOSSIER_ANNULE, "Dossier annulé par l'État : "
                + extrait(demande.motif()) + " (demandé par " + demande.demandeePar() + ", validé par " + gestionnaire + ").", gestionnaire, maintenant);
        return true;
    }

    /** The pending request, for the validator's form (markdown). */
    @Transactional(readOnly = true)
    public String decrireDemande(long dossierId) {
        return fins.enAttente(dossierId).map(d -> "**Annulation demandée** par " + d.demandeePar() + " le "
                + java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH'h'mm").withZone(fr.gouv.fabriques.domain.Vague.FUSEAU)
                        .format(d.demandeeLe()) + "  \n**Motif** : " + d.motif().replace("\n", " "))
                .orElse("_Aucune demande d'annulation en attente._");
    }

    private static String extrait(String texte) {
        return texte.length() <= 300 ? texte : texte.substring(0, 299) + "…";
    }
}
