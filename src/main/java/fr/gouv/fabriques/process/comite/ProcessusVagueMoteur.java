package fr.gouv.fabriques.process.comite;

import fr.gouv.fabriques.application.port.ProcessusVague;
import fr.gouv.fabriques.domain.Vague;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The engine side of {@link ProcessusVague}: one committee process per wave, keyed by the wave's code. */
@Component
class ProcessusVagueMoteur implements ProcessusVague {

    private final RuntimeService runtime;

    ProcessusVagueMoteur(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void demarrer(Vague vague) {
        if (runtime.createProcessInstanceQuery().processDefinitionKey(ComiteVagueProcess.CLE).processInstanceBusinessKey(vague.code())
                .count() > 0) {
            return;
        }
        runtime.createProcessInstanceByKey(ComiteVagueProcess.CLE)
                .businessKey(vague.code())
                .setVariable(ComiteVagueProcess.VAR_VAGUE, vague.code())
                .setVariable(ComiteVagueProcess.VAR_APPEL, vague.appel().name())
                .setVariable(ComiteVagueProcess.VAR_DATE_LIMITE, Date.from(vague.dateLimite()))
                .execute();
    }

    @Override
    public void demanderCloture(String code) {
        runtime.createMessageCorrelation(ComiteVagueProcess.MESSAGE_CLOTURE)
                .processInstanceBusinessKey(code)
                .correlateWithResult();
    }
}
