package fr.gouv.fabriques.application.versement;

import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.application.port.VersementRepository;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.PlafondsFinancement;
import fr.gouv.fabriques.domain.Versement;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues the payment order of a year exactly once, and only once it is ordered and validated
 * by two different agents ({@link ValiderOrdreVersement}): a retried job, a crash after the
 * commit or a second node finds it issued and does nothing.
 */
@Service
public class EmettreOrdreVersement {

    private final DossierRepository dossiers;
    private final VersementRepository versements;
    private final Journal journal;
    private final Clock horloge;

    public EmettreOrdreVersement(DossierRepository dossiers, VersementRepository versements, Journal journal, Clock horloge) {
        this.dossiers = dossiers;
        this.versements = versements;
        this.journal = journal;
        this.horloge = horloge;
    }

    /** @return true if this call issued the order, false if it had already been issued */
    @Transactional
    public boolean emettre(long dossierId, int annee) {
        Dossier dossier = dossiers.exiger(dossierId);
        Versement versement = versements.parDossierEtAnnee(dossierId, annee)
                .orElseThrow(() -> new ErreurMetier("Aucun versement prévu pour l'année " + annee + " du dossier " + dossier.numero()));
        if (!versement.estOrdonnance()) {
            throw new ErreurMetier("Le versement de l'année " + annee + " du dossier " + dossier.numero() + " n'est pas ordonnancé.");
        }
        if (!versement.estEmis() && (!versement.estValide() || versement.validePar().equals(versement.ordonnancePar()))) {
            throw new ErreurMetier("Le versement de l'année " + annee + " du dossier " + dossier.numero()
                    + " n'est pas validé par une seconde personne du service financier : il ne peut pas être émis.");
        }
        Instant maintenant = horloge.instant();
        String reference = "VRS-" + dossier.numero() + "-A" + annee;
        boolean emis = versements.emettre(dossierId, annee, reference, maintenant);
        if (emis) {
            journal.noter(dossier, TypeEvenement.VERSEMENT_EMIS, "Versement de l'année " + annee + " émis : "
                    + PlafondsFinancement.euros(versement.montant()) + " (ordre " + reference + ")", true, "système", maintenant);
        }
        return emis;
    }
}
