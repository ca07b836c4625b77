package fr.gouv.fabriques.application.porteur;

import fr.gouv.fabriques.application.convention.ContenuConvention;
import fr.gouv.fabriques.application.port.ConventionRepository;
import fr.gouv.fabriques.application.port.DecisionComiteRepository;
import fr.gouv.fabriques.application.port.DocumentConventionRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.PieceRepository;
import fr.gouv.fabriques.application.versement.ConsulterFinancesDossier;
import fr.gouv.fabriques.domain.Convention;
import fr.gouv.fabriques.domain.DecisionComite;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.NatureDocumentConvention;
import fr.gouv.fabriques.domain.TypeDecision;
import fr.gouv.fabriques.domain.Versement;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The applicant's view of a dossier (GET /api/dossiers/{numero}). */
@Service
public class ConsulterDossierPorteur {

    private final Journal journal;
    private final DecisionComiteRepository decisions;
    private final ConventionRepository conventions;
    private final ConsulterFinancesDossier finances;
    private final PieceRepository pieces;
    private final DocumentConventionRepository documents;

    public ConsulterDossierPorteur(Journal journal, DecisionComiteRepository decisions, ConventionRepository conventions,
            ConsulterFinancesDossier finances, PieceRepository pieces, DocumentConventionRepository documents) {
        this.journal = journal;
        this.decisions = decisions;
        this.conventions = conventions;
        this.finances = finances;
        this.pieces = pieces;
        this.documents = documents;
    }

    @Transactional(readOnly = true)
    public VueDossierPorteur consulter(Dossier d) {
        Optional<Convention> convention = conventions.parDossier(d.id());
        MontantsAnnuels accordes = convention.map(Convention::montants)
                .or(() -> decisions.derniere(d.id()).filter(x -> x.decision() == TypeDecision.LAUREAT).map(DecisionComite::montants))
                .orElse(null);
        ConsulterFinancesDossier.Finances argent = finances.consulter(d);
        List<VueDossierPorteur.VersementVu> vus = argent.versements().stream()
                .map(v -> new VueDossierPorteur.VersementVu(v.annee(), v.montant(), statut(v), v.emisLe(), v.reference()))
                .toList();
        List<VueDossierPorteur.Etape> historique = journal.evenements(d.id(), true).stream()
                .map(e -> new VueDossierPorteur.Etape(e.survenuLe(), e.type().name(), e.libelle())).toList();
        List<VueDossierPorteur.PieceVue> jointes = pieces.parDossier(d.id()).stream()
                .map(p -> new VueDossierPorteur.PieceVue(p.id(), p.nom(), p.type().mime(), p.taille(), p.sha256(), p.categorie().name(),
                        p.deposeLe()))
                .toList();
        return new VueDossierPorteur(d.numero(), d.statut().name(), d.statut().libelle(), d.appel().name(), d.vague(),
                d.categorie().name(), d.structure().raisonSociale(), montants(d.montantsDemandes()), montants(accordes),
                convention.map(Convention::supplementNumerique).orElse(0), vus, argent.totalVerse(), argent.totalReverse(),
                argent.libere(), historique, jointes,
                documents.description(d.id(), NatureDocumentConvention.GENEREE)
                        .map(g -> new VueDossierPorteur.ConventionVue(ContenuConvention.reference(d.numero()), g.sha256(), g.taille(), g.creeLe(),
                                "/api/dossiers/" + d.numero() + "/convention"))
                        .orElse(null),
                documents.description(d.id(), NatureDocumentConvention.SIGNEE_PORTEUR)
                        .map(s -> new VueDossierPorteur.ConventionSigneeVue(s.sha256(), s.taille(), s.creeLe(), s.signataire()))
                        .orElse(null));
    }

    private static String statut(Versement v) {
        return v.estEmis() ? "EMIS" : v.estOrdonnance() ? "ORDONNANCE" : "PREVU";
    }

    private static VueDossierPorteur.Montants montants(MontantsAnnuels m) {
        return m == null ? null : new VueDossierPorteur.Montants(m.annee1(), m.annee2(), m.annee3(), m.total());
    }
}
