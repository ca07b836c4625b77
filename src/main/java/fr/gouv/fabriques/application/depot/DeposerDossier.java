package fr.gouv.fabriques.application.depot;

import fr.gouv.fabriques.application.Jetons;
import fr.gouv.fabriques.application.instruction.EvaluerEligibilite;
import fr.gouv.fabriques.application.port.RegleEligibilite;
import fr.gouv.fabriques.application.port.DepotIdempotentRepository;
import fr.gouv.fabriques.application.port.DerogationSirenRepository;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.NumeroteurDossier;
import fr.gouv.fabriques.application.port.ProcessusDossier;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.application.port.VagueRepository;
import fr.gouv.fabriques.domain.Adresse;
import fr.gouv.fabriques.domain.Appel;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.Contact;
import fr.gouv.fabriques.domain.DerogationSiren;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.FormeJuridique;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.Projet;
import fr.gouv.fabriques.domain.Siret;
import fr.gouv.fabriques.domain.Structure;
import fr.gouv.fabriques.domain.UneFabriqueParStructure;
import fr.gouv.fabriques.domain.Vague;
import fr.gouv.fabriques.domain.Violation;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lifecycle step 1: an applicant deposits a dossier. Everything is checked before
 * anything is written — the form by {@link ValidateurDepot}, then the programme's rules by
 * the latest deployed eligibility table (doc/adr/0007), whose fields and reasons a refusal
 * names; the dossier, its timeline entry and its process start in one transaction, with the process's eligibility
 * step, which records the same evaluation (doc/adr/0022).
 */
@Service
public class DeposerDossier {

    private static final DateTimeFormatter JOUR = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(Vague.FUSEAU);

    private final ValidateurDepot validateur;
    private final EvaluerEligibilite eligibilite;
    private final DossierRepository dossiers;
    private final VagueRepository vagues;
    private final NumeroteurDossier numeroteur;
    private final Journal journal;
    private final ProcessusDossier processus;
    private final DepotIdempotentRepository idempotence;
    private final DerogationSirenRepository derogations;
    private final Clock horloge;

    public DeposerDossier(ValidateurDepot validateur, EvaluerEligibilite eligibilite, DossierRepository dossiers, VagueRepository vagues,
            NumeroteurDossier numeroteur, Journal journal, ProcessusDossier processus,
            DepotIdempotentRepository idempotence, DerogationSirenRepository derogations, Clock horloge) {
        this.validateur = validateur;
        this.eligibilite = eligibilite;
        this.dossiers = dossiers;
        this.vagues = vagues;
        this.numeroteur = numeroteur;
        this.journal = journal;
        this.processus = processus;
        this.idempotence = idempotence;
        this.derogations = derogations;
        this.horloge = horloge;
    }

    @Transactional
    public ResultatDepot deposer(DemandeDepot demande, Optional<String> cleIdempotence) {
        return deposer(demande, cleIdempotence, (dossier, jeton) -> {
        });
    }

    /**
     * What a caller writes with the dossier, in the deposit's transaction, before its process starts: the process's first
     * step (eligibility, doc/adr/0022) runs at once and already sees it — the démarches-simplifiées import links the dossier
     * to its DS dossier there, so that the eligibility's write-back to DS finds the link.
     */
    @FunctionalInterface
    public interface AvantProcessus {
        void ecrire(Dossier dossier, String jeton);
    }

    @Transactional
    public ResultatDepot deposer(DemandeDepot demande, Optional<String> cleIdempotence, AvantProcessus avantProcessus) {
        String empreinte = Jetons.empreinte(demande.toString());
        if (cleIdempotence.isPresent()) {
            Optional<DepotIdempotentRepository.Enregistrement> deja = idempotence.trouver(cleIdempotence.get());
            if (deja.isPresent()) {
                if (!deja.get().empreinte().equals(empreinte)) {
                    throw new CleIdempotenceReutilisee(cleIdempotence.get());
                }
                return deja.get().resultat();
            }
        }
        List<Violation> violations = validateur.violations(demande);
        if (!violations.isEmpty()) {
            throw new ErreursValidation(violations);
        }
        verifierEligibilite(demande);
        Instant maintenant = horloge.instant();
        Appel appel = Appel.valueOf(demande.appel());
        Vague vague = vagueDuDepot(demande, appel, maintenant);
        String siret = demande.structure().siret();
        Optional<DerogationSiren> derogation = verifierUneFabriqueParStructure(new Siret(siret));
        String jeton = Jetons.nouveau();
        Dossier dossier = dossiers.ajouter(nouveauDossier(demande, appel, vague, maintenant), Jetons.empreinte(jeton));
        journal.noter(dossier, TypeEvenement.DEPOT, "Dossier " + dossier.numero() + " déposé dans la vague " + vague.code(),
                true, "porteur", maintenant);
        derogation.ifPresent(d -> admettreParDerogation(dossier, d, maintenant));
        avantProcessus.ecrire(dossier, jeton);
        processus.demarrer(dossier);
        ResultatDepot resultat = new ResultatDepot(dossier.numero(), jeton, dossier.statut().name(), vague.code(), false);
        cleIdempotence.ifPresent(cle -> idempotence.enregistrer(cle, empreinte, dossier.id(), resultat, maintenant));
        return resultat;
    }

    /**
     * The programme's rules, as the eligibility table says them today: a deposit they refuse is
     * not recorded, the applicant gets the table's reasons at once, field by field (422).
     */
    private void verifierEligibilite(DemandeDepot d) {
        DemandeDepot.StructureDemandee s = d.structure();
        RegleEligibilite.Evaluation evaluation = eligibilite.evaluer(Appel.valueOf(d.appel()), Categorie.valueOf(d.categorie()),
                new MontantsAnnuels(d.montantsDemandes().annee1(), d.montantsDemandes().annee2(), d.montantsDemandes().annee3()),
                s.codeQpv(), FormeJuridique.valueOf(s.formeJuridique()), s.adresse().codeInsee());
        if (!evaluation.eligible()) {
            throw new ErreursValidation(evaluation.motifs());
        }
    }

    /**
     * « Une Fabrique par structure » (README « Le programme en bref »): the same SIRET may not have two open
     * dossiers, whatever happens; another establishment of the same company (SIREN) may not apply while a
     * dossier of that SIREN is open or once one was funded, unless a programme manager granted an
     * exception, which this deposit will use. Under the SIREN's lock: a concurrent deposit of the same
     * company waits for this transaction, then sees its dossier.
     */
    private Optional<DerogationSiren> verifierUneFabriqueParStructure(Siret siret) {
        dossiers.verrouillerSiren(siret.siren());
        List<DossierRepository.DossierDeStructure> memeSiren = dossiers.dossiersDuSiren(siret.siren());
        if (memeSiren.stream().anyMatch(d -> d.siret().equals(siret.valeur()) && !d.statut().estFinal())) {
            throw new DossierDejaOuvert(siret.valeur());
        }
        Optional<UneFabriqueParStructure.Obstacle> obstacle = UneFabriqueParStructure.obstacle(memeSiren.stream()
                .map(DossierRepository.DossierDeStructure::statut).toList());
        if (obstacle.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(derogations.disponiblePour(siret.siren())
                .orElseThrow(() -> new StructureDejaCandidate(siret.siren(), obstacle.get())));
    }

    private void admettreParDerogation(Dossier dossier, DerogationSiren d, Instant maintenant) {
        derogations.utiliser(d.id(), dossier.id(), maintenant);
        // Agents only: the reason is the programme team's; the full text stays on the exception (GET /api/agents/derogations-siren).
        journal.noter(dossier.id(), TypeEvenement.DEPOT_PAR_DEROGATION, "Dépôt admis par la dérogation n° " + d.id()
                + " à la règle « une Fabrique par structure » (SIREN " + d.siren() + "), accordée par " + d.accordeePar() + " le "
                + JOUR.format(d.accordeeLe()) + " ; motif : " + d.motif(),
                false, d.accordeePar(), maintenant);
    }

    private Vague vagueDuDepot(DemandeDepot demande, Appel appel, Instant maintenant) {
        if (demande.vague() == null) {
            return vagues.ouvertePour(appel, maintenant).orElseThrow(() -> new ErreursValidation("vague",
                    "aucune vague de l'appel « " + appel.libelle() + " » n'est ouverte aux dépôts en ce moment"));
        }
        Vague vague = vagues.parCode(demande.vague()).orElseThrow(() -> new ErreursValidation("vague",
                "vague inconnue « " + demande.vague() + " » ; omettez ce champ pour déposer dans la vague ouverte de l'appel"));
        if (vague.appel() != appel) {
            throw new ErreursValidation("vague", "la vague " + vague.code() + " relève de l'appel « " + vague.appel().libelle()
                    + " », pas de « " + appel.libelle() + " »");
        }
        vague.verifierDepotPossible(maintenant);
        return vague;
    }

    private Dossier nouveauDossier(DemandeDepot d, Appel appel, Vague vague, Instant maintenant) {
        DemandeDepot.StructureDemandee s = d.structure();
        DemandeDepot.AdresseDemandee a = s.adresse();
        Structure structure = new Structure(s.raisonSociale().strip(), new Siret(s.siret()), FormeJuridique.valueOf(s.formeJuridique()),
                new Adresse(a.ligne().strip(), a.codePostal(), a.commune().strip(), a.codeInsee(), a.departement(), a.region()),
                s.codeQpv());
        Contact contact = new Contact(d.contact().nom().strip(), d.contact().email().strip(),
                d.contact().telephone().replaceAll("[ .-]", ""));
        DemandeDepot.ProjetDemande p = d.projet();
        Projet projet = new Projet(p.nom().strip(), p.description().strip(), p.services(), p.partenaires().strip(),
                p.gouvernance().strip(), p.etpFinances());
        MontantsAnnuels montants = new MontantsAnnuels(d.montantsDemandes().annee1(), d.montantsDemandes().annee2(),
                d.montantsDemandes().annee3());
        String numero = numeroteur.prochain(appel, maintenant.atZone(Vague.FUSEAU).getYear());
        return Dossier.depose(numero, appel, vague.code(), Categorie.valueOf(d.categorie()), structure, contact, projet,
                montants, maintenant);
    }
}
