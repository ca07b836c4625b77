package fr.gouv.fabriques.application.avenant;

import fr.gouv.fabriques.application.port.AvenantRepository;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.Avenant;
import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.ErreursValidation;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * « Valider l'avenant »: a second programme manager, never the one who proposed it (four eyes,
 * held by the table too), validates the amendment in progress — its PDF is drawn next — or rejects
 * it with a reason, which ends it.
 */
@Service
public class ValiderAvenant {

    public enum Decision {
        VALIDE, REJETE
    }

    private final DossierRepository dossiers;
    private final AvenantRepository avenants;
    private final Journal journal;
    private final Clock horloge;

    public ValiderAvenant(DossierRepository dossiers, AvenantRepository avenants, Journal journal, Clock horloge) {
        this.dossiers = dossiers;
        this.avenants = avenants;
        this.journal = journal;
        this.horloge = horloge;
    }

    /** @return true if validated, false if rejected */
    @Transactional
    public boolean decider(long dossierId, Decision decision, String motifRejet, String gestionnaire) {
        if (decision == null) {
            throw new ErreursValidation("decisionAvenant", "choisissez : valider l'avenant ou le rejeter");
        }
        String motif = motifRejet == null ? null : motifRejet.strip();
        if (decision == Decision.REJETE && (motif == null || motif.length() < 3)) {
            throw new ErreursValidation("motifRejetAvenant", "le motif du rejet est obligatoire (3 caractères au moins)");
        }
        Avenant avenant = avenants.enCours(dossierId).orElseThrow(() -> new ErreurMetier("avenant",
                "Aucun avenant en cours pour le dossier " + dossiers.exiger(dossierId).numero() + "."));
        Instant maintenant = horloge.instant();
        if (decision == Decision.VALIDE) {
            avenants.mettreAJour(avenant.valide(gestionnaire, maintenant));
            journal.noter(dossierId, TypeEvenement.AVENANT_VALIDE, "Avenant n°" + avenant.numero() + " validé (second gestionnaire)",
                    false, gestionnaire, maintenant);
            return true;
        }
        avenants.mettreAJour(avenant.rejete(gestionnaire, motif, maintenant));
        journal.noter(dossierId, TypeEvenement.AVENANT_REJETE, Libelles.borner("Avenant n°" + avenant.numero() + " rejeté : " + motif),
                false, gestionnaire, maintenant);
        return false;
    }
}
