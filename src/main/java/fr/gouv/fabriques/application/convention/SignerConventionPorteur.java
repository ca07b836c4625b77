package fr.gouv.fabriques.application.convention;

import fr.gouv.fabriques.application.port.ConventionRepository;
import fr.gouv.fabriques.application.port.DocumentConventionRepository;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.EtapeNonAttendue;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.ProcessusDossier;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.Convention;
import fr.gouv.fabriques.domain.DocumentConvention;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.FichierConvention;
import fr.gouv.fabriques.domain.NatureDocumentConvention;
import fr.gouv.fabriques.domain.StatutDossier;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The laureate sends back the convention he signed (a PDF) with the name and quality of the
 * signatory; it is stored with its SHA-256 and the State's signature comes next.
 */
@Service
public class SignerConventionPorteur {

    private final DossierRepository dossiers;
    private final ConventionRepository conventions;
    private final DocumentConventionRepository documents;
    private final Journal journal;
    private final ProcessusDossier processus;
    private final Clock horloge;

    public SignerConventionPorteur(DossierRepository dossiers, ConventionRepository conventions, DocumentConventionRepository documents,
            Journal journal, ProcessusDossier processus, Clock horloge) {
        this.dossiers = dossiers;
        this.conventions = conventions;
        this.documents = documents;
        this.journal = journal;
        this.processus = processus;
        this.horloge = horloge;
    }

    /** The signed convention as stored; the dossier is then « convention signée par le porteur ». */
    @Transactional
    public DocumentConvention signer(Dossier dossier, String signataire, String nomFichier, byte[] contenu) {
        Instant maintenant = horloge.instant();
        FichierConvention signee = FichierConvention.signeeParLePorteur(dossier.id(), signataire, nomFichier, contenu, maintenant);
        dossier.exigerStatut("signer la convention", StatutDossier.LAUREAT);
        StatutDossier avant = dossier.statut();
        Convention convention = conventions.parDossier(dossier.id())
                .orElseThrow(() -> new ErreurMetier("La convention du dossier " + dossier.numero() + " n'est pas encore établie."));
        boolean nonSignee = documents.description(dossier.id(), NatureDocumentConvention.GENEREE)
                .map(g -> g.sha256().equals(signee.description().sha256())).orElse(false);
        if (nonSignee) {
            throw new ErreursValidation("fichier", "ce fichier est la convention telle qu'elle a été établie, sans signature : "
                    + "déposez-la une fois signée (signature électronique, ou imprimée, signée et numérisée)");
        }
        conventions.mettreAJour(convention.signeeParLePorteur(maintenant));
        documents.ajouter(signee);
        dossier.passerA(StatutDossier.CONVENTION_SIGNEE_PORTEUR, maintenant);
        dossiers.mettreAJour(dossier);
        journal.noter(dossier.id(), TypeEvenement.CONVENTION_SIGNEE_PORTEUR,
                "Convention signée par le porteur (" + signee.description().signataire() + ")", true, "porteur", maintenant);
        try {
            processus.conventionSigneeParLePorteur(dossier.numero());
        } catch (EtapeNonAttendue e) {
            throw e.selon(avant);
        }
        return signee.description();
    }
}
