package fr.gouv.fabriques.application.convention;

import fr.gouv.fabriques.application.port.ConventionRepository;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.StatutDossier;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** « Signer la convention pour l'État »: the programme manager countersigns; the convention takes effect. */
@Service
public class SignerConventionEtat {

    private final DossierRepository dossiers;
    private final ConventionRepository conventions;
    private final Journal journal;
    private final Clock horloge;

    public SignerConventionEtat(DossierRepository dossiers, ConventionRepository conventions, Journal journal, Clock horloge) {
        this.dossiers = dossiers;
        this.conventions = conventions;
        this.journal = journal;
        this.horloge = horloge;
    }

    @Transactional
    public void signer(long dossierId, boolean signature, String gestionnaire) {
        if (!signature) {
            throw new ErreursValidation("signatureEtat", "cochez la case de signature pour signer la convention au nom de l'État");
        }
        Dossier dossier = dossiers.exiger(dossierId);
        dossier.exigerStatut("signer la convention pour l'État", StatutDossier.CONVENTION_SIGNEE_PORTEUR);
        Instant maintenant = horloge.instant();
        conventions.mettreAJour(conventions.exiger(dossierId).signeeParLEtat(gestionnaire, maintenant));
        dossier.passerA(StatutDossier.CONVENTIONNE, maintenant);
        dossiers.mettreAJour(dossier);
        journal.noter(dossier, TypeEvenement.CONVENTION_SIGNEE_ETAT, "Convention signée par l'État : elle prend effet", true,
                gestionnaire, maintenant);
    }
}
