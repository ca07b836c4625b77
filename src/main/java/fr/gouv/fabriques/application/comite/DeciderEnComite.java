package fr.gouv.fabriques.application.comite;

import fr.gouv.fabriques.application.port.DecisionComiteRepository;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.DecisionComite;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.PlafondsFinancement;
import fr.gouv.fabriques.domain.StatutDossier;
import fr.gouv.fabriques.domain.TypeDecision;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lifecycle step 3: the selection committee decides a dossier: laureate (with amounts), refused (motivated) or adjourned. */
@Service
public class DeciderEnComite {

    private final DossierRepository dossiers;
    private final DecisionComiteRepository decisions;
    private final PlafondsFinancement plafonds;
    private final Journal journal;
    private final Clock horloge;

    public DeciderEnComite(DossierRepository dossiers, DecisionComiteRepository decisions, PlafondsFinancement plafonds,
            Journal journal, Clock horloge) {
        this.dossiers = dossiers;
        this.decisions = decisions;
        this.plafonds = plafonds;
        this.journal = journal;
        this.horloge = horloge;
    }

    @Transactional
    public TypeDecision decider(long dossierId, TypeDecision decision, MontantsAnnuels montants, String motivation, String membre) {
        Dossier dossier = dossiers.exiger(dossierId);
        dossier.exigerStatut("statuer en comité", StatutDossier.INSTRUIT, StatutDossier.AJOURNE);
        Instant maintenant = horloge.instant();
        DecisionComite prise = DecisionComite.prendre(dossierId, dossier.vague(), decision, montants, motivation, membre,
                maintenant, plafonds);
        decisions.ajouter(prise);
        StatutDossier cible = switch (decision) {
            case LAUREAT -> StatutDossier.LAUREAT;
            case REFUSE -> StatutDossier.REFUSE;
            case AJOURNE -> StatutDossier.AJOURNE;
        };
        dossier.passerA(cible, maintenant);
        dossiers.mettreAJour(dossier);
        journal.noter(dossierId, TypeEvenement.DECISION_COMITE, libelle(prise), true, membre, maintenant);
        return decision;
    }

    private static String libelle(DecisionComite d) {
        return switch (d.decision()) {
            case LAUREAT -> "Décision du comité : lauréat, " + PlafondsFinancement.euros(d.montants().total()) + " sur 3 ans ("
                    + PlafondsFinancement.euros(d.montants().annee1()) + ", " + PlafondsFinancement.euros(d.montants().annee2())
                    + ", " + PlafondsFinancement.euros(d.montants().annee3()) + ")";
            case REFUSE -> "Décision du comité : refusé. Motivation : " + d.motivation();
            case AJOURNE -> "Décision du comité : ajourné à la vague suivante" + (d.motivation() == null ? "" : ". " + d.motivation());
        };
    }
}
