package fr.gouv.fabriques.process.comite;

import fr.gouv.fabriques.application.comite.CloturerVague;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_CloturerVague → {@link CloturerVague}. */
@Component("cloturerVagueDelegate")
class CloturerVagueDelegate implements JavaDelegate {

    private final CloturerVague cloturerVague;

    CloturerVagueDelegate(CloturerVague cloturerVague) {
        this.cloturerVague = cloturerVague;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cloturerVague.cloturer((String) execution.getVariable(ComiteVagueProcess.VAR_VAGUE));
    }
}
