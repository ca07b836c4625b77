package fr.gouv.fabriques.application.versement;

import fr.gouv.fabriques.application.port.AvenantRepository;
import fr.gouv.fabriques.application.port.BilanRepository;
import fr.gouv.fabriques.application.port.ConventionRepository;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.application.port.VersementRepository;
import fr.gouv.fabriques.domain.Convention;
import fr.gouv.fabriques.domain.DecisionBilan;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.PlafondsFinancement;
import fr.gouv.fabriques.domain.StatutDossier;
import fr.gouv.fabriques.domain.Versement;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * « Ordonnancer le versement »: a finance officer orders the payment of a year. The
 * caps are checked again here, and the officer must not be the one who approved the
 * report the payment depends on (four eyes). A year whose amount an amendment in progress changes
 * waits for the amendment to end (applied, rejected or lapsed).
 */
@Service
public class OrdonnancerVersement {

    private final DossierRepository dossiers;
    private final ConventionRepository conventions;
    private final VersementRepository versements;
    private final BilanRepository bilans;
    private final PlafondsFinancement plafonds;
    private final Journal journal;
    private final Clock horloge;
    private final AvenantRepository avenants;

    public OrdonnancerVersement(DossierRepository dossiers, ConventionRepository conventions, VersementRepository versements,
            BilanRepository bilans, PlafondsFinancement plafonds, Journal journal, Clock horloge, AvenantRepository avenants) {
        this.avenants = avenants;
        this.dossiers = dossiers;
        this.conventions = conventions;
        this.versements = versements;
        this.bilans = bilans;
        this.plafonds = plafonds;
        this.journal = journal;
        this.horloge = horloge;
    }

    @Transactional
    public Versement ordonnancer(long dossierId, int annee, boolean confirmation, String agent) {
        if (!confirmation) {
            throw new ErreursValidation("confirmationOrdonnancement", "cochez la case pour ordonnancer le versement");
        }
        Dossier dossier = dossiers.exiger(dossierId);
        dossier.exigerStatut("ordonnancer un versement", StatutDossier.CONVENTIONNE);
        Versement versement = versements.parDossierEtAnnee(dossierId, annee)
                .orElseThrow(() -> new ErreurMetier("Aucun versement prévu pour l'année " + annee + " du dossier " + dossier.numero()));
        if (versement.estEmis()) {
            throw new ErreurMetier("Le versement de l'année " + annee + " du dossier " + dossier.numero() + " est déjà émis.");
        }
        avenants.enCours(dossierId).filter(a -> a.montants() != null && a.montants().annee(annee) != a.montantsAvant().annee(annee))
                .ifPresent(a -> {
                    throw new ErreurMetier("annee", "L'avenant n°" + a.numero() + " du dossier " + dossier.numero() + " (« " + a.etat().libelle()
                            + " ») change le montant de l'année " + annee + " : ce versement s'ordonnance une fois l'avenant appliqué, "
                            + "rejeté ou caduc.");
                });
        verifierPlafonds(dossier, conventions.exiger(dossierId), versement);
        if (annee > 1) {
            // Whatever route reached this task: year n is paid on the approved report of year n-1, ordered by someone else.
            BilanRepository.Bilan bilan = bilans.parDossierEtAnnee(dossierId, annee - 1)
                    .filter(x -> x.decision() == DecisionBilan.APPROUVE)
                    .orElseThrow(() -> new ErreurMetier("annee", "Le versement de l'année " + annee + " du dossier " + dossier.numero()
                            + " attend l'approbation du bilan de l'année " + (annee - 1) + " : il ne peut pas être ordonnancé avant."));
            if (agent.equals(bilan.decidePar())) {
                throw new ErreurMetier("ordonnateur", "Principe des quatre yeux : « " + agent + " » a approuvé le bilan de l'année "
                        + (annee - 1) + " ; une autre personne doit ordonnancer ce versement.");
            }
        }
        Instant maintenant = horloge.instant();
        versements.ordonnancer(dossierId, annee, agent, maintenant);
        journal.noter(dossier, TypeEvenement.VERSEMENT_ORDONNANCE, "Versement de l'année " + annee + " ordonnancé ("
                + PlafondsFinancement.euros(versement.montant()) + ")", false, agent, maintenant);
        return versement;
    }

    /** The « Le programme en bref » (README) caps, checked on the amount about to be paid, whatever the schedule says. */
    private void verifierPlafonds(Dossier dossier, Convention convention, Versement versement) {
        int supplement = versement.annee() == 1 ? convention.supplementNumerique() : 0;
        int horsSupplement = versement.montant() - supplement;
        if (horsSupplement > plafonds.plafondAnnuel()) {
            throw new ErreurMetier("montant", "Le versement de l'année " + versement.annee() + " (" + PlafondsFinancement.euros(horsSupplement)
                    + " hors supplément numérique) dépasse le plafond annuel de " + PlafondsFinancement.euros(plafonds.plafondAnnuel()) + ".");
        }
        int dejaVerse = versements.parDossier(dossier.id()).stream().filter(Versement::estEmis).mapToInt(Versement::montant).sum();
        int plafondDossier = plafonds.plafondTotal() + convention.supplementNumerique();
        if (dejaVerse + versement.montant() > plafondDossier) {
            throw new ErreurMetier("montant", "Ce versement porterait le total versé au dossier " + dossier.numero() + " à "
                    + PlafondsFinancement.euros(dejaVerse + versement.montant()) + ", au-delà du plafond de "
                    + PlafondsFinancement.euros(plafondDossier) + ".");
        }
    }
}
