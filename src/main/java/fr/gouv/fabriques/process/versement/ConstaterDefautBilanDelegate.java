package fr.gouv.fabriques.process.versement;

import fr.gouv.fabriques.application.versement.ConstaterDefautBilan;
import fr.gouv.fabriques.process.commun.DossierVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_ConstaterDefautBilan (report or corrections deadline passed) → {@link ConstaterDefautBilan}. */
@Component("constaterDefautBilanDelegate")
class ConstaterDefautBilanDelegate implements JavaDelegate {

    private final ConstaterDefautBilan constaterDefautBilan;

    ConstaterDefautBilanDelegate(ConstaterDefautBilan constaterDefautBilan) {
        this.constaterDefautBilan = constaterDefautBilan;
    }

    @Override
    public void execute(DelegateExecution execution) {
        constaterDefautBilan.constater(DossierVariables.dossierId(execution), DossierVariables.entier(execution, VersementProcess.VAR_ANNEE_BILAN));
    }
}
