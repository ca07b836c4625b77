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
import fr.gouv.fabriques.domain.EtatAvenant;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.PlafondsFinancement;
import fr.gouv.fabriques.domain.Versement;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * « Appliquer l'avenant », once both parties signed, in one transaction: the convention's amounts and
 * calendar shift, the planned (neither ordered nor issued) payments' amounts, the programme's commitment
 * (an increase consumes envelope, a decrease frees it; checked on the locked row), the beneficiary's
 * SIRET; then the dossier's waiting timers are moved to the shifted calendar.
 */
@Service
public class AppliquerAvenant {

    private final DossierRepository dossiers;
    private final AvenantRepository avenants;
    private final ConventionRepository conventions;
    private final VersementRepository versements;
    private final ProgrammeRepository programme;
    private final PlafondsFinancement plafonds;
    private final ProcessusAvenant processus;
    private final Journal journal;
    private final Clock horloge;

    public AppliquerAvenant(DossierRepository dossiers, AvenantRepository avenants, ConventionRepository conventions,
            VersementRepository versements, ProgrammeRepository programme, PlafondsFinancement plafonds, ProcessusAvenant processus,
            Journal journal, Clock horloge) {
        this.dossiers = dossiers;
        this.avenants = avenants;
        this.conventions = conventions;
        this.versements = versements;
        this.programme = programme;
        this.plafonds = plafonds;
        this.processus = processus;
        this.journal = journal;
        this.horloge = horloge;
    }

    @Transactional
    public Avenant appliquer(long dossierId) {
        Dossier dossier = dossiers.exiger(dossierId);
        Avenant avenant = avenants.enCours(dossierId).filter(a -> a.etat() == EtatAvenant.SIGNE_PORTEUR)
                .orElseThrow(() -> new ErreurMetier("avenant", "Aucun avenant signé à appliquer pour le dossier " + dossier.numero() + "."));
        Convention convention = conventions.exiger(dossierId);
        Instant maintenant = horloge.instant();
        MontantsAnnuels montants = convention.montants();
        long delta = 0;
        if (avenant.montants() != null) {
            montants = avenant.montants();
            for (int annee = 1; annee <= MontantsAnnuels.NOMBRE_ANNEES; annee++) {
                if (montants.annee(annee) == convention.montants().annee(annee)) {
                    continue;
                }
                int a = annee;
                Optional<Versement> prevu = versements.parDossier(dossierId).stream().filter(v -> v.annee() == a).findFirst();
                if (prevu.isPresent() && !versements.modifierMontantPrevu(dossierId, annee,
                        plafonds.montantVerse(montants, annee, dossier.categorie()))) {
                    // Ordering a year an amendment in progress changes is refused (OrdonnancerVersement): only a bypass lands here.
                    throw new ErreurMetier("montants.annee" + annee, "Le versement de l'année " + annee + " du dossier " + dossier.numero()
                            + " a été ordonnancé ou émis entre-temps : l'avenant n°" + avenant.numero() + " ne s'applique pas.");
                }
            }
            delta = (long) montants.total() - convention.montants().total();
            programme.enregistrer(programme.verrouiller().ajusterEngagement(delta));
        }
        int decalage = conventions.decalageMois(dossierId) + (avenant.decalageMois() == null ? 0 : avenant.decalageMois());
        conventions.modifier(dossierId, montants, decalage);
        if (avenant.siret() != null) {
            dossiers.changerSiret(dossierId, avenant.siret(), maintenant);
        }
        Avenant applique = avenant.applique(delta, maintenant);
        avenants.mettreAJour(applique);
        journal.noter(dossierId, TypeEvenement.AVENANT_APPLIQUE, Libelles.borner("Avenant n°" + avenant.numero()
                + " signé par les deux parties : la convention est modifiée (" + DecrireAvenant.changements(avenant) + ")"), true,
                "système", maintenant);
        if (avenant.decalageMois() != null) {
            processus.redaterEcheances(dossier.numero());
        }
        return applique;
    }
}
