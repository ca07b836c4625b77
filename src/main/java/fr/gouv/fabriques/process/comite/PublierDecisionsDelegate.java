package fr.gouv.fabriques.process.comite;

import fr.gouv.fabriques.application.comite.PublierDecisions;
import fr.gouv.fabriques.domain.PublicationVague;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_PublierDecisions (asynchronous) → {@link PublierDecisions}. A refusal
 * (quota or envelope exceeded since the manager's check) is recorded on the wave and
 * sends the decisions back to « Arrêter les décisions ».
 */
@Component("publierDecisionsDelegate")
class PublierDecisionsDelegate implements JavaDelegate {

    private final PublierDecisions publierDecisions;

    PublierDecisionsDelegate(PublierDecisions publierDecisions) {
        this.publierDecisions = publierDecisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String vague = execution.getProcessBusinessKey();
        String par = (String) execution.getVariable(ComiteVagueProcess.VAR_PUBLIEE_PAR);
        PublicationVague publication = publierDecisions.publier(vague, par);
        if (!publication.publiee()) {
            throw new BpmnError(ComiteVagueProcess.ERREUR_PUBLICATION_REFUSEE, publication.refus());
        }
    }
}
