package fr.gouv.fabriques.application.versement;

import fr.gouv.fabriques.application.port.ConventionRepository;
import fr.gouv.fabriques.application.port.DecisionComiteRepository;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.ReversementRepository;
import fr.gouv.fabriques.application.port.VersementRepository;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.StatutDossier;
import fr.gouv.fabriques.domain.Versement;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A dossier's money: committed, paid (per year), recovered, released, still to pay. */
@Service
public class ConsulterFinancesDossier {

    private final DossierRepository dossiers;
    private final DecisionComiteRepository decisions;
    private final ConventionRepository conventions;
    private final VersementRepository versements;
    private final ReversementRepository reversements;

    public ConsulterFinancesDossier(DossierRepository dossiers, DecisionComiteRepository decisions, ConventionRepository conventions,
            VersementRepository versements, ReversementRepository reversements) {
        this.dossiers = dossiers;
        this.decisions = decisions;
        this.conventions = conventions;
        this.versements = versements;
        this.reversements = reversements;
    }

    public record Finances(String numero, String statut, long engage, int totalVerse, int totalReverse, long libere, long resteAVerser,
            List<Versement> versements) {
    }

    @Transactional(readOnly = true)
    public Finances consulter(String numero) {
        return consulter(dossiers.exigerNumero(numero));
    }

    @Transactional(readOnly = true)
    public Finances consulter(Dossier d) {
        long engage = decisions.engagement(d.id());
        List<Versement> liste = versements.parDossier(d.id());
        int verse = liste.stream().filter(Versement::estEmis).mapToInt(Versement::montant).sum();
        int reverse = reversements.totalReverse(d.id());
        boolean libere = conventions.parDossier(d.id()).isPresent() && d.statut() == StatutDossier.CADUC;
        boolean finAnticipee = java.util.EnumSet.of(StatutDossier.SOLDE_APRES_REVERSEMENT, StatutDossier.RESILIE, StatutDossier.RENONCE,
                StatutDossier.ANNULE).contains(d.statut());
        // Lapsed: the whole commitment goes back to the envelope; ended early (suspension, renunciation, cancellation): what was not paid.
        long montantLibere = libere ? engage : finAnticipee ? Math.max(0, engage - verse) : 0;
        boolean termine = d.statut().estFinal() || d.statut() == StatutDossier.VERSEMENTS_SUSPENDUS;
        long reste = termine ? 0 : Math.max(0, engage - verse);
        return new Finances(d.numero(), d.statut().name(), engage, verse, reverse, montantLibere, reste, liste);
    }
}
