package fr.gouv.fabriques.process.convention;

import fr.gouv.fabriques.process.commun.DossierDuProcessus;
import fr.gouv.fabriques.application.convention.ConstaterCaducite;
import fr.gouv.fabriques.process.dossier.DossierProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_ConstaterCaducite (signing deadline passed) → {@link ConstaterCaducite}. */
@Component("constaterCaduciteDelegate")
class ConstaterCaduciteDelegate implements JavaDelegate {

    private final DossierDuProcessus dossierDuProcessus;
    private final ConstaterCaducite constaterCaducite;

    ConstaterCaduciteDelegate(DossierDuProcessus dossierDuProcessus, ConstaterCaducite constaterCaducite) {
        this.dossierDuProcessus = dossierDuProcessus;
        this.constaterCaducite = constaterCaducite;
    }

    @Override
    public void execute(DelegateExecution execution) {
        constaterCaducite.constater(dossierDuProcessus.id(execution));
        execution.setVariable(DossierProcess.VAR_ISSUE_CONVENTION, "CADUQUE");
    }
}
