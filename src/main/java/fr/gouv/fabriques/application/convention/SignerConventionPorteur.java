package fr.gouv.fabriques.application.convention;

import fr.gouv.fabriques.application.port.ConventionRepository;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.ProcessusDossier;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.Convention;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.StatutDossier;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The laureate signs the convention (API); the State's signature comes next. */
@Service
public class SignerConventionPorteur {

    private final DossierRepository dossiers;
    private final ConventionRepository conventions;
    private final Journal journal;
    private final ProcessusDossier processus;
    private final Clock horloge;

    public SignerConventionPorteur(DossierRepository dossiers, ConventionRepository conventions, Journal journal,
            ProcessusDossier processus, Clock horloge) {
        this.dossiers = dossiers;
        this.conventions = conventions;
        this.journal = journal;
        this.processus = processus;
        this.horloge = horloge;
    }

    @Transactional
    public StatutDossier signer(Dossier dossier) {
        dossier.exigerStatut("signer la convention", StatutDossier.LAUREAT);
        Convention convention = conventions.parDossier(dossier.id())
                .orElseThrow(() -> new ErreurMetier("La convention du dossier " + dossier.numero() + " n'est pas encore établie."));
        Instant maintenant = horloge.instant();
        conventions.mettreAJour(convention.signeeParLePorteur(maintenant));
        dossier.passerA(StatutDossier.CONVENTION_SIGNEE_PORTEUR, maintenant);
        dossiers.mettreAJour(dossier);
        journal.noter(dossier.id(), TypeEvenement.CONVENTION_SIGNEE_PORTEUR, "Convention signée par le porteur", true, "porteur", maintenant);
        processus.conventionSigneeParLePorteur(dossier.numero());
        return dossier.statut();
    }
}
