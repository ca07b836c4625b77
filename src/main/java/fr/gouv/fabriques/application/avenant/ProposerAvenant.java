package fr.gouv.fabriques.application.avenant;

import fr.gouv.fabriques.application.port.AvenantRepository;
import fr.gouv.fabriques.application.port.ConventionRepository;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.ProcessusAvenant;
import fr.gouv.fabriques.application.port.ProgrammeRepository;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.application.port.VersementRepository;
import fr.gouv.fabriques.domain.Avenant;
import fr.gouv.fabriques.domain.Convention;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.ModificationConvention;
import fr.gouv.fabriques.domain.PlafondsFinancement;
import fr.gouv.fabriques.domain.StatutDossier;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A programme manager proposes an amendment to a signed convention (dossier « conventionné »): the
 * change is checked against the rules ({@link ModificationConvention#verifier}), stored as amendment
 * n°k « proposé », and its process starts (validation by a second manager). One in progress per dossier.
 */
@Service
public class ProposerAvenant {

    private final DossierRepository dossiers;
    private final ConventionRepository conventions;
    private final VersementRepository versements;
    private final AvenantRepository avenants;
    private final ProgrammeRepository programme;
    private final PlafondsFinancement plafonds;
    private final ProcessusAvenant processus;
    private final Journal journal;
    private final Clock horloge;

    public ProposerAvenant(DossierRepository dossiers, ConventionRepository conventions, VersementRepository versements,
            AvenantRepository avenants, ProgrammeRepository programme, PlafondsFinancement plafonds, ProcessusAvenant processus,
            Journal journal, Clock horloge) {
        this.dossiers = dossiers;
        this.conventions = conventions;
        this.versements = versements;
        this.avenants = avenants;
        this.programme = programme;
        this.plafonds = plafonds;
        this.processus = processus;
        this.journal = journal;
        this.horloge = horloge;
    }

    @Transactional
    public Avenant proposer(String numero, ModificationConvention modification, String gestionnaire) {
        Dossier dossier = dossiers.exigerNumero(numero);
        // Serialises the proposals of one dossier (the unique index would refuse the second anyway).
        dossiers.verrouillerSiren(dossier.structure().siret().siren());
        if (dossier.statut() != StatutDossier.CONVENTIONNE) {
            throw new ErreurMetier("statut", "Le dossier " + numero + " est « " + dossier.statut().libelle()
                    + " » : seule la convention d'un dossier « conventionné » (signée par les deux parties, versements en cours) "
                    + "se modifie par avenant.");
        }
        avenants.enCours(dossier.id()).ifPresent(a -> {
            throw new ErreurMetier("avenant", "L'avenant n°" + a.numero() + " du dossier " + numero + " est en cours (« "
                    + a.etat().libelle() + " ») : un seul avenant à la fois ; attendez qu'il soit appliqué, rejeté ou caduc.");
        });
        Convention convention = conventions.exiger(dossier.id());
        String siretActuel = dossier.structure().siret().valeur();
        modification.verifier(convention, versements.parDossier(dossier.id()), siretActuel, plafonds, programme.lire());
        if (modification.siret() != null && dossiers.existeDossierOuvertPourSiret(modification.siret())) {
            throw new ErreurMetier("siret", "Un autre dossier en cours porte déjà le SIRET " + modification.siret()
                    + " : il ne peut pas devenir celui du bénéficiaire de cette convention.");
        }
        Instant maintenant = horloge.instant();
        String motif = modification.motif().strip();
        ModificationConvention m = new ModificationConvention(modification.montants(), modification.decalageMois(), modification.siret(),
                motif);
        Avenant avenant = avenants.ajouter(Avenant.propose(dossier.id(), 0, m, convention.montants(), siretActuel, gestionnaire,
                maintenant));
        journal.noter(dossier.id(), TypeEvenement.AVENANT_PROPOSE, Libelles.borner("Avenant n°" + avenant.numero() + " proposé : "
                + DecrireAvenant.changements(avenant) + " — motif : " + abrege(motif)), false, gestionnaire, maintenant);
        processus.demarrer(dossier, avenant.numero());
        return avenant;
    }

    static String abrege(String texte) {
        return texte.length() <= 200 ? texte : texte.substring(0, 199) + "…";
    }
}
