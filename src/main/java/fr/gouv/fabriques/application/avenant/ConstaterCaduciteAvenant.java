package fr.gouv.fabriques.application.avenant;

import fr.gouv.fabriques.application.port.AvenantRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.EtatAvenant;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The laureate did not sign the amendment in time: it lapses, the convention stays as it was. */
@Service
public class ConstaterCaduciteAvenant {

    private final AvenantRepository avenants;
    private final Journal journal;
    private final Clock horloge;

    public ConstaterCaduciteAvenant(AvenantRepository avenants, Journal journal, Clock horloge) {
        this.avenants = avenants;
        this.journal = journal;
        this.horloge = horloge;
    }

    @Transactional
    public void constater(long dossierId) {
        avenants.enCours(dossierId).filter(a -> a.etat() == EtatAvenant.A_SIGNER).ifPresent(a -> {
            Instant maintenant = horloge.instant();
            avenants.mettreAJour(a.caduc(maintenant));
            journal.noter(dossierId, TypeEvenement.AVENANT_CADUC, "Avenant n°" + a.numero() + " caduc : non signé par le porteur dans "
                    + "le délai ; la convention reste inchangée", true, "système", maintenant);
        });
    }
}
