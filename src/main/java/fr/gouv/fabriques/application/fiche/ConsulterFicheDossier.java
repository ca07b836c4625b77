package fr.gouv.fabriques.application.fiche;

import fr.gouv.fabriques.application.LecteursDossier;
import fr.gouv.fabriques.application.avenant.DecrireAvenant;
import fr.gouv.fabriques.application.convention.ContenuConvention;
import fr.gouv.fabriques.application.port.AnnuaireAgents.Agent;
import fr.gouv.fabriques.application.port.DossierIntrouvable;
import fr.gouv.fabriques.application.port.FicheDossierRepository;
import fr.gouv.fabriques.application.port.FicheDossierRepository.Donnees;
import fr.gouv.fabriques.application.port.GrilleNotation;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.Critere;
import fr.gouv.fabriques.domain.DocumentConvention;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.NatureDocumentConvention;
import fr.gouv.fabriques.domain.StatutConvention;
import fr.gouv.fabriques.domain.TypeDecision;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The dossier sheet (« fiche du dossier ») for agents: read from the database each time
 * ({@link FicheDossierRepository}, one snapshot), never from process variables.
 *
 * <p>Not transactional itself: the rows are read in their own read-only transaction; only an
 * instruction recorded before its weights were kept (migration V40) asks the scoring grid
 * (a DMN evaluation, which the engine records in its history) for today's weights.
 */
@Service
public class ConsulterFicheDossier {

    private static final Logger LOG = LoggerFactory.getLogger(ConsulterFicheDossier.class);
    /** Timeline entries that tell the completeness check (admissibility included). */
    private static final Set<TypeEvenement> ETAPES_COMPLETUDE = EnumSet.of(TypeEvenement.RECEVABILITE, TypeEvenement.IRRECEVABILITE,
            TypeEvenement.COMPLETUDE, TypeEvenement.DEMANDE_COMPLEMENTS, TypeEvenement.COMPLEMENTS_RECUS,
            TypeEvenement.CLASSEMENT_SANS_SUITE);

    private final FicheDossierRepository source;
    private final GrilleNotation grille;

    public ConsulterFicheDossier(FicheDossierRepository source, GrilleNotation grille) {
        this.source = source;
        this.grille = grille;
    }

    /** @throws DossierIntrouvable no dossier has this number */
    public FicheDossier consulter(String numero) {
        return assembler(lire(numero));
    }

    /**
     * For an agent: the national teams read every dossier, a territorial referent those of his
     * département only ({@link LecteursDossier}, the rule of the pieces' download).
     *
     * @throws DossierIntrouvable no dossier has this number
     * @throws AccesFicheRefuse the agent does not read this dossier
     */
    public FicheDossier pourAgent(String numero, Agent agent) {
        Donnees donnees = lire(numero);
        if (!LecteursDossier.peutLire(agent, donnees.dossier())) {
            throw new AccesFicheRefuse("La fiche du dossier " + numero + " est réservée aux équipes nationales et aux référents "
                    + "de son département (groupe " + LecteursDossier.groupeReferents(donnees.dossier()) + ").");
        }
        return assembler(donnees);
    }

    private Donnees lire(String numero) {
        return source.lire(numero).orElseThrow(() -> new DossierIntrouvable(numero));
    }

    private FicheDossier assembler(Donnees x) {
        Dossier d = x.dossier();
        var s = d.structure();
        var a = s.adresse();
        FicheDossier.Structure structure = new FicheDossier.Structure(s.raisonSociale(), s.siret().valeur(), s.formeJuridique().name(),
                s.formeJuridique().libelle(), a.ligne(), a.codePostal(), a.commune(), a.codeInsee(), a.departement(), a.region(),
                s.codeQpv());
        FicheDossier.Contact contact = d.contact() == null ? null
                : new FicheDossier.Contact(d.contact().nom(), d.contact().email(), d.contact().telephone());
        FicheDossier.Projet projet = d.projet() == null ? null
                : new FicheDossier.Projet(d.projet().nom(), d.projet().description(), d.projet().services(), d.projet().partenaires(),
                        d.projet().gouvernance(), d.projet().etpFinances());
        FicheDossier.Demande demande = new FicheDossier.Demande(d.appel().name(), d.appel().libelle(), d.categorie().name(),
                d.categorie().libelle(), d.vague(), montants(d.montantsDemandes()));
        List<FicheDossier.Piece> pieces = x.pieces().stream()
                .map(p -> new FicheDossier.Piece(p.id(), p.nom(), p.categorie().name(), p.categorie().libelle(), p.type().mime(),
                        p.type().libelle(), p.taille(), p.deposeLe(), Liens.piece(d.numero(), p.id())))
                .toList();
        List<FicheDossier.EntreeJournal> journal = x.journal().stream()
                .map(e -> new FicheDossier.EntreeJournal(e.survenuLe(), e.acteur(), e.type().name(), e.libelle(), e.visiblePorteur()))
                .toList();
        return new FicheDossier(d.numero(), d.statut().name(), d.statut().libelle(), d.deposeLe(), d.modifieLe(), structure, contact,
                projet, demande, pieces, completude(x), avis(x), instruction(x), validation(x), comite(x), convention(x), versements(x),
                journal);
    }

    private static FicheDossier.Completude completude(Donnees x) {
        List<FicheDossier.Echange> echanges = x.journal().stream().filter(e -> ETAPES_COMPLETUDE.contains(e.type()))
                .map(e -> new FicheDossier.Echange(e.survenuLe(), e.acteur(), e.type().name(), e.libelle())).toList();
        FicheDossierRepository.Instruction i = x.instruction();
        boolean verifiee = i != null && (i.complet() != null || i.motifsIrrecevabilite() != null);
        if (!verifiee && echanges.isEmpty()) {
            return null;
        }
        return i == null ? new FicheDossier.Completude(null, null, null, null, null, echanges)
                : new FicheDossier.Completude(i.complet(), i.piecesManquantes(), i.completudePar(), i.completudeLe(),
                        i.motifsIrrecevabilite(), echanges);
    }

    private static FicheDossier.AvisTerritorial avis(Donnees x) {
        FicheDossierRepository.Instruction i = x.instruction();
        if (i == null || (i.avis() == null && !i.avisAbsent())) {
            return null;
        }
        return new FicheDossier.AvisTerritorial(i.avis() == null ? null : i.avis().name(), i.avis() == null && i.avisAbsent(),
                i.avisCommentaire(), i.avisPar(), i.avisLe());
    }

    private FicheDossier.Instruction instruction(Donnees x) {
        FicheDossierRepository.Instruction i = x.instruction();
        if (i == null || i.recommandation() == null) {
            return null;
        }
        Map<Critere, Integer> poids = i.poids();
        boolean enregistres = !poids.isEmpty();
        if (!enregistres) {
            poids = poidsActuels(x.dossier());
        }
        List<FicheDossier.Note> notes = new ArrayList<>();
        for (Critere c : Critere.values()) {
            Integer note = i.notes().get(c);
            if (note != null) {
                notes.add(new FicheDossier.Note(c.name(), c.libelle(), note, poids.get(c)));
            }
        }
        int renvois = (int) x.validations().stream().filter(v -> !v.validee()).count();
        return new FicheDossier.Instruction(notes, enregistres, i.score(), i.recommandation().name(), montants(i.montantsProposes()),
                i.motif(), i.instruitPar(), i.instruitLe(), renvois);
    }

    /** The grid's weights today, for a proposal recorded without its own; none if the grid cannot be read. */
    private Map<Critere, Integer> poidsActuels(Dossier d) {
        try {
            return grille.poids(d.categorie());
        } catch (RuntimeException e) {
            LOG.warn("Fiche du dossier {} : poids de la grille de notation illisibles ({}) ; la fiche les omet", d.numero(),
                    e.getMessage());
            return Map.of();
        }
    }

    private static FicheDossier.Validation validation(Donnees x) {
        if (x.validations().isEmpty()) {
            return null;
        }
        List<FicheDossier.DecisionValidation> historique = x.validations().stream()
                .map(v -> new FicheDossier.DecisionValidation(v.validee() ? "VALIDEE" : "A_REVOIR", v.commentaire(), v.par(), v.le()))
                .toList();
        FicheDossierRepository.Validation derniere = x.validations().get(x.validations().size() - 1);
        String commentaireRenvoi = x.validations().stream().filter(v -> !v.validee()).reduce((premier, second) -> second)
                .map(FicheDossierRepository.Validation::commentaire).orElse(null);
        FicheDossierRepository.Instruction i = x.instruction();
        boolean enAttente = !derniere.validee() && i != null && i.instruitLe() != null && i.instruitLe().isAfter(derniere.le());
        return new FicheDossier.Validation(historique.get(historique.size() - 1), commentaireRenvoi, enAttente, historique);
    }

    private static FicheDossier.Comite comite(Donnees x) {
        if (x.decisions().isEmpty()) {
            return null;
        }
        List<FicheDossier.DecisionComite> decisions = x.decisions().stream().map(p -> {
            var dc = p.decision();
            return new FicheDossier.DecisionComite(dc.vague(), dc.decision().name(), libelle(dc.decision()),
                    p.publiee() ? "PUBLIEE" : "PROPOSEE", montants(dc.montants()), dc.motivation(), dc.decidePar(), dc.decideLe(),
                    p.publieePar(), p.publieeLe());
        }).toList();
        return new FicheDossier.Comite(decisions.get(decisions.size() - 1), decisions);
    }

    private static FicheDossier.Convention convention(Donnees x) {
        var c = x.convention();
        if (c == null) {
            return null;
        }
        String numero = x.dossier().numero();
        DocumentConvention generee = document(x, NatureDocumentConvention.GENEREE);
        DocumentConvention signee = document(x, NatureDocumentConvention.SIGNEE_PORTEUR);
        return new FicheDossier.Convention(ContenuConvention.reference(numero), c.statut().name(), libelle(c.statut()),
                montants(c.montants()), c.supplementNumerique(), c.genereeLe(), c.signeePorteurLe(),
                signee == null ? null : signee.signataire(), c.signeeEtatLe(), c.signataireEtat(),
                generee == null ? null : Liens.convention(numero), signee == null ? null : Liens.conventionSignee(numero),
                x.decalageMois(), x.avenants().stream().map(a -> new FicheDossier.Avenant(a.numero(), a.reference(numero), a.etat().name(),
                        a.etat().libelle(), DecrireAvenant.changements(a), a.motif(), montants(a.montantsAvant()),
                        a.montants() == null ? null : montants(a.montants()), a.decalageMois(), a.siretAvant(), a.siret(), a.proposePar(),
                        a.proposeLe(), a.validePar(), a.valideLe(), a.rejetePar(), a.rejeteLe(), a.motifRejet(), a.signatairePorteur(),
                        a.signePorteurLe(), a.signeEtatPar(), a.signeEtatLe(), a.appliqueLe(), a.pdfSha256(), a.signeSha256(),
                        a.pdfSha256() == null ? null : Liens.avenant(numero, a.numero()),
                        a.signeSha256() == null ? null : Liens.avenant(numero, a.numero()) + "/signe")).toList());
    }

    private static DocumentConvention document(Donnees x, NatureDocumentConvention nature) {
        return x.documentsConvention().stream().filter(doc -> doc.nature() == nature).findFirst().orElse(null);
    }

    private static FicheDossier.Versements versements(Donnees x) {
        if (x.versements().isEmpty() && x.bilans().isEmpty() && x.reversements().isEmpty()) {
            return null;
        }
        List<FicheDossier.Versement> versements = x.versements().stream()
                .map(v -> new FicheDossier.Versement(v.annee(), v.montant(),
                        v.estEmis() ? "EMIS" : v.estValide() ? "VALIDE" : v.estOrdonnance() ? "ORDONNANCE" : "PREVU",
                        v.ordonnancePar(), v.ordonnanceLe(), v.validePar(), v.valideLe(), v.emisLe(), v.reference()))
                .toList();
        List<FicheDossier.Bilan> bilans = x.bilans().stream()
                .map(b -> new FicheDossier.Bilan(b.annee(), b.deposeLe(), b.commentaire(), b.decision() == null ? null : b.decision().name(),
                        b.motif(), b.decidePar(), b.decideLe()))
                .toList();
        List<FicheDossier.Reversement> reversements = x.reversements().stream()
                .map(r -> new FicheDossier.Reversement(r.montant(), r.motif(), r.decidePar(), r.decideLe())).toList();
        int verse = x.versements().stream().filter(v -> v.estEmis()).mapToInt(v -> v.montant()).sum();
        int reverse = x.reversements().stream().mapToInt(FicheDossierRepository.Reversement::montant).sum();
        return new FicheDossier.Versements(versements, bilans, reversements, verse, reverse);
    }

    private static FicheDossier.Montants montants(MontantsAnnuels m) {
        return m == null ? null : new FicheDossier.Montants(m.annee1(), m.annee2(), m.annee3(), m.total());
    }

    private static String libelle(TypeDecision t) {
        return switch (t) {
            case LAUREAT -> "lauréat";
            case REFUSE -> "refusé";
            case AJOURNE -> "ajourné à la vague suivante";
        };
    }

    private static String libelle(StatutConvention s) {
        return switch (s) {
            case A_SIGNER -> "à signer par le porteur";
            case SIGNEE_PORTEUR -> "signée par le porteur, à signer pour l'État";
            case SIGNEE -> "signée par les deux parties";
            case CADUQUE -> "caduque";
            case SOLDEE -> "soldée";
            case RESILIEE -> "résiliée (fin anticipée après une suspension)";
        };
    }
}
