package fr.gouv.fabriques.process.commun;

import fr.gouv.fabriques.domain.ErreurMetier;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is completing a task: the authenticated user (Tasklist, HTTP Basic), else the assignee. */
public final class Agents {

    private Agents() {
    }

    public static String courant(DelegateTask tache) {
        Authentication auth = tache.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (auth != null && auth.getUserId() != null) {
            return auth.getUserId();
        }
        if (tache.getAssignee() != null) {
            return tache.getAssignee();
        }
        throw new ErreurMetier("agent", "La tâche « " + tache.getName()
                + " » doit être complétée par un agent identifié (connexion Tasklist ou HTTP Basic) : la décision est signée de son nom.");
    }
}
