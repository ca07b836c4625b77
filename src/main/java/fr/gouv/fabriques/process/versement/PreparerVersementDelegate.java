package fr.gouv.fabriques.process.versement;

import fr.gouv.fabriques.application.versement.PreparerVersement;
import fr.gouv.fabriques.process.commun.DossierVariables;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_PreparerVersement → {@link PreparerVersement}: due date and whether a report must come first. */
@Component("preparerVersementDelegate")
class PreparerVersementDelegate implements JavaDelegate {

    private final PreparerVersement preparerVersement;

    PreparerVersementDelegate(PreparerVersement preparerVersement) {
        this.preparerVersement = preparerVersement;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PreparerVersement.Echeance e = preparerVersement.preparer(DossierVariables.dossierId(execution),
                DossierVariables.entier(execution, VersementProcess.VAR_ANNEE));
        execution.setVariable(VersementProcess.VAR_BILAN_REQUIS, e.bilanRequis());
        execution.setVariable(VersementProcess.VAR_DATE_ECHEANCE, Date.from(e.date()));
        execution.setVariable(VersementProcess.VAR_ANNEE_BILAN, e.anneeBilanRequis());
    }
}
