package fr.gouv.fabriques.application.comite;

import fr.gouv.fabriques.application.port.ProcessusVague;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The committee's decisions sent in bulk (agents' API): every line is checked and
 * recorded as by {@link ProposerDecisions}, then the decision task of each dossier
 * decided is completed, in the same transaction — nothing is recorded if one task cannot
 * be completed. Dossiers not listed keep their own open task.
 */
@Service
public class DeciderEnBloc {

    private final ProposerDecisions proposerDecisions;
    private final ProcessusVague processus;

    public DeciderEnBloc(ProposerDecisions proposerDecisions, ProcessusVague processus) {
        this.proposerDecisions = proposerDecisions;
        this.processus = processus;
    }

    /** @return the number of decisions recorded */
    @Transactional
    public int decider(String codeVague, List<ProposerDecisions.Ligne> lignes, String membre) {
        int enregistrees = proposerDecisions.proposer(codeVague, lignes, membre);
        processus.decisionsEnregistrees(codeVague, lignes.stream().map(ProposerDecisions.Ligne::numero).filter(Objects::nonNull).toList(),
                membre);
        return enregistrees;
    }
}
