package fr.gouv.fabriques.application.depot;

import fr.gouv.fabriques.application.Jetons;
import fr.gouv.fabriques.application.port.DepotIdempotentRepository;
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
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.FormeJuridique;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.Projet;
import fr.gouv.fabriques.domain.Siret;
import fr.gouv.fabriques.domain.Structure;
import fr.gouv.fabriques.domain.Vague;
import fr.gouv.fabriques.domain.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lifecycle step 1: an applicant deposits a dossier. Everything is checked before
 * anything is written; the dossier, its timeline entry and its process start in one
 * transaction.
 */
@Service
public class DeposerDossier {

    private final ValidateurDepot validateur;
    private final DossierRepository dossiers;
    private final VagueRepository vagues;
    private final NumeroteurDossier numeroteur;
    private final Journal journal;
    private final ProcessusDossier processus;
    private final DepotIdempotentRepository idempotence;
    private final Clock horloge;

    public DeposerDossier(ValidateurDepot validateur, DossierRepository dossiers, VagueRepository vagues,
            NumeroteurDossier numeroteur, Journal journal, ProcessusDossier processus,
            DepotIdempotentRepository idempotence, Clock horloge) {
        this.validateur = validateur;
        this.dossiers = dossiers;
        this.vagues = vagues;
        this.numeroteur = numeroteur;
        this.journal = journal;
        this.processus = processus;
        this.idempotence = idempotence;
        this.horloge = horloge;
    }

    @Transactional
    public ResultatDepot deposer(DemandeDepot demande, Optional<String> cleIdempotence) {
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
        Instant maintenant = horloge.instant();
        Appel appel = Appel.valueOf(demande.appel());
        Vague vague = vagueDuDepot(demande, appel, maintenant);
        String siret = demande.structure().siret();
        if (dossiers.existeDossierOuvertPourSiret(siret)) {
            throw new DossierDejaOuvert(siret);
        }
        String jeton = Jetons.nouveau();
        Dossier dossier = dossiers.ajouter(nouveauDossier(demande, appel, vague, maintenant), Jetons.empreinte(jeton));
        journal.noter(dossier.id(), TypeEvenement.DEPOT, "Dossier " + dossier.numero() + " déposé dans la vague " + vague.code(),
                true, "porteur", maintenant);
        processus.demarrer(dossier);
        ResultatDepot resultat = new ResultatDepot(dossier.numero(), jeton, dossier.statut().name(), vague.code(), false);
        cleIdempotence.ifPresent(cle -> idempotence.enregistrer(cle, empreinte, dossier.id(), resultat, maintenant));
        return resultat;
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
