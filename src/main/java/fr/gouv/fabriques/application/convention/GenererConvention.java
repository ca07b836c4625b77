package fr.gouv.fabriques.application.convention;

import fr.gouv.fabriques.application.Delais;
import fr.gouv.fabriques.application.port.ConventionRepository;
import fr.gouv.fabriques.application.port.DecisionComiteRepository;
import fr.gouv.fabriques.application.port.DocumentConventionRepository;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.EditeurConvention;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.Convention;
import fr.gouv.fabriques.domain.DecisionComite;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.FichierConvention;
import fr.gouv.fabriques.domain.NatureDocumentConvention;
import fr.gouv.fabriques.domain.PlafondsFinancement;
import fr.gouv.fabriques.domain.StatutDossier;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lifecycle step 4: the convention is drawn from the laureate decision, and its PDF stored with
 * its SHA-256. Running it twice changes nothing (a retried job): the convention and its document
 * are created once, in one transaction; a convention drawn before documents existed gets its
 * PDF on the next run.
 */
@Service
public class GenererConvention {

    private final DossierRepository dossiers;
    private final DecisionComiteRepository decisions;
    private final ConventionRepository conventions;
    private final DocumentConventionRepository documents;
    private final EditeurConvention editeur;
    private final PlafondsFinancement plafonds;
    private final Delais delais;
    private final ConventionProperties proprietes;
    private final Journal journal;
    private final Clock horloge;

    public GenererConvention(DossierRepository dossiers, DecisionComiteRepository decisions, ConventionRepository conventions,
            DocumentConventionRepository documents, EditeurConvention editeur, PlafondsFinancement plafonds, Delais delais,
            ConventionProperties proprietes, Journal journal, Clock horloge) {
        this.dossiers = dossiers;
        this.decisions = decisions;
        this.conventions = conventions;
        this.documents = documents;
        this.editeur = editeur;
        this.plafonds = plafonds;
        this.delais = delais;
        this.proprietes = proprietes;
        this.journal = journal;
        this.horloge = horloge;
    }

    @Transactional
    public void generer(long dossierId) {
        Optional<Convention> existante = conventions.parDossier(dossierId);
        if (existante.isPresent() && documents.description(dossierId, NatureDocumentConvention.GENEREE).isPresent()) {
            return;
        }
        Dossier dossier = dossiers.exiger(dossierId);
        Instant maintenant = horloge.instant();
        Convention convention;
        if (existante.isPresent()) {
            convention = existante.get();
        } else {
            dossier.exigerStatut("générer la convention", StatutDossier.LAUREAT);
            DecisionComite decision = decisions.derniere(dossierId)
                    .orElseThrow(() -> new ErreurMetier("Aucune décision de comité pour le dossier " + dossier.numero()));
            convention = Convention.depuis(decision, dossier.categorie(), plafonds, maintenant);
            conventions.ajouter(convention);
            journal.noter(dossier, TypeEvenement.CONVENTION_GENEREE, "Convention établie : à signer par le porteur", true, "système",
                    maintenant);
        }
        byte[] pdf = editeur.editer(ContenuConvention.de(dossier, convention, plafonds, delais, proprietes.representantEtat()));
        documents.ajouter(FichierConvention.generee(dossierId, pdf, nomFichier(dossier.numero()), maintenant));
    }

    /** The name a downloaded convention gets: convention-FDT-2026-0001.pdf. */
    public static String nomFichier(String numero) {
        return "convention-" + numero + ".pdf";
    }
}
