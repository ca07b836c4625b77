package fr.gouv.fabriques.application.porteur;

import fr.gouv.fabriques.application.port.DecisionComiteRepository;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.domain.DecisionComite;
import fr.gouv.fabriques.domain.Dossier;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The audit trail of a dossier for agents: every step and decision, who, when, what and why (internal entries included). */
@Service
public class ConsulterJournalDossier {

    private final DossierRepository dossiers;
    private final Journal journal;
    private final DecisionComiteRepository decisions;

    public ConsulterJournalDossier(DossierRepository dossiers, Journal journal, DecisionComiteRepository decisions) {
        this.dossiers = dossiers;
        this.journal = journal;
        this.decisions = decisions;
    }

    public record Audit(String numero, String statut, String vague, List<Journal.Evenement> evenements, List<DecisionComite> decisionsComite) {
    }

    @Transactional(readOnly = true)
    public Audit consulter(String numero) {
        Dossier d = dossiers.exigerNumero(numero);
        return new Audit(d.numero(), d.statut().name(), d.vague(), journal.evenements(d.id(), false), decisions.toutes(d.id()));
    }
}
