package fr.gouv.fabriques.application.versement;

import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.application.port.VersementRepository;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.PlafondsFinancement;
import fr.gouv.fabriques.domain.StatutDossier;
import fr.gouv.fabriques.domain.Versement;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * « Valider l'ordre de versement »: the second signature on every payment, year 1 included.
 * A second agent of the finance service, not the one who ordered it, either validates the
 * order — it is then issued — or sends it back with a reason, to be ordered again. The rule
 * is held three times: here, in the repository's conditional update, and by a check
 * constraint of the {@code versement} table (V43).
 */
@Service
public class ValiderOrdreVersement {

    /** The validator's choice, as the form submits it. */
    public enum Decision { VALIDE, RENVOYE }

    private final DossierRepository dossiers;
    private final VersementRepository versements;
    private final Journal journal;
    private final Clock horloge;

    public ValiderOrdreVersement(DossierRepository dossiers, VersementRepository versements, Journal journal, Clock horloge) {
        this.dossiers = dossiers;
        this.versements = versements;
        this.journal = journal;
        this.horloge = horloge;
    }

    /** @return true if the order is validated (to be issued), false if it is sent back to be ordered again */
    @Transactional
    public boolean decider(long dossierId, int annee, Decision decision, String motif, String agent) {
        if (decision == Decision.RENVOYE && (motif == null || motif.isBlank())) {
            throw new ErreursValidation("motifRenvoiOrdre", "indiquez pourquoi l'ordre est renvoyé à l'ordonnateur");
        }
        Dossier dossier = dossiers.exiger(dossierId);
        dossier.exigerStatut("valider un ordre de versement", StatutDossier.CONVENTIONNE);
        Versement versement = versements.parDossierEtAnnee(dossierId, annee)
                .orElseThrow(() -> new ErreurMetier("Aucun versement prévu pour l'année " + annee + " du dossier " + dossier.numero()));
        if (versement.estEmis()) {
            throw new ErreurMetier("Le versement de l'année " + annee + " du dossier " + dossier.numero() + " est déjà émis.");
        }
        if (!versement.estOrdonnance()) {
            throw new ErreurMetier("Le versement de l'année " + annee + " du dossier " + dossier.numero()
                    + " n'est pas ordonnancé : il n'y a rien à valider.");
        }
        if (agent.equals(versement.ordonnancePar())) {
            throw new ErreurMetier("validateur", "Principe des quatre yeux : « " + agent + " » a ordonnancé ce versement ; "
                    + "une autre personne du service financier doit le valider ou le renvoyer.");
        }
        Instant maintenant = horloge.instant();
        String montant = PlafondsFinancement.euros(versement.montant());
        if (decision == Decision.RENVOYE) {
            if (!versements.annulerOrdonnancement(dossierId, annee, motif.strip())) {
                throw new ErreurMetier("L'ordre de versement de l'année " + annee + " du dossier " + dossier.numero()
                        + " vient d'être validé ou émis par ailleurs : il ne peut plus être renvoyé.");
            }
            journal.noter(dossier, TypeEvenement.VERSEMENT_RENVOYE, "Ordre de versement de l'année " + annee + " (" + montant
                    + ", ordonnancé par " + versement.ordonnancePar() + ") renvoyé à l'ordonnateur : " + extrait(motif.strip()), false, agent,
                    maintenant);
            return false;
        }
        if (!versements.valider(dossierId, annee, agent, maintenant)) {
            throw new ErreurMetier("L'ordre de versement de l'année " + annee + " du dossier " + dossier.numero()
                    + " vient d'être validé, renvoyé ou émis par ailleurs : rechargez la tâche.");
        }
        journal.noter(dossier, TypeEvenement.VERSEMENT_VALIDE, "Ordre de versement de l'année " + annee + " (" + montant
                + ", ordonnancé par " + versement.ordonnancePar() + ") validé", false, agent, maintenant);
        return true;
    }

    /** The timeline's label is short (500 characters); the whole reason is kept on the payment and shown to the next orderer. */
    private static String extrait(String motif) {
        return motif.length() <= 300 ? motif : motif.substring(0, 299) + "…";
    }
}
