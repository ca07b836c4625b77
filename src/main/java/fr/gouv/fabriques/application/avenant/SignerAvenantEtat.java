package fr.gouv.fabriques.application.avenant;

import fr.gouv.fabriques.application.port.AvenantRepository;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.Avenant;
import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.EtatAvenant;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * « Signer l'avenant pour l'État »: a programme manager countersigns the amendment the laureate
 * signed; it is applied right after ({@link AppliquerAvenant}, same transaction).
 */
@Service
public class SignerAvenantEtat {

    private final DossierRepository dossiers;
    private final AvenantRepository avenants;
    private final Journal journal;
    private final Clock horloge;

    public SignerAvenantEtat(DossierRepository dossiers, AvenantRepository avenants, Journal journal, Clock horloge) {
        this.dossiers = dossiers;
        this.avenants = avenants;
        this.journal = journal;
        this.horloge = horloge;
    }

    @Transactional
    public void signer(long dossierId, boolean signature, String gestionnaire) {
        if (!signature) {
            throw new ErreursValidation("signatureAvenantEtat", "cochez la case pour signer l'avenant au nom de l'État");
        }
        Avenant avenant = avenants.enCours(dossierId).filter(a -> a.etat() == EtatAvenant.SIGNE_PORTEUR)
                .orElseThrow(() -> new ErreurMetier("avenant", "Aucun avenant signé par le porteur n'attend la signature de l'État pour le "
                        + "dossier " + dossiers.exiger(dossierId).numero() + "."));
        Instant maintenant = horloge.instant();
        avenants.mettreAJour(avenant.signeParLEtat(gestionnaire, maintenant));
        journal.noter(dossierId, TypeEvenement.AVENANT_SIGNE_ETAT, "Avenant n°" + avenant.numero() + " signé par l'État", false,
                gestionnaire, maintenant);
    }
}
