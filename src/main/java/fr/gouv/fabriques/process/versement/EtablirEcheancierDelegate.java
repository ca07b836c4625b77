package fr.gouv.fabriques.process.versement;

import fr.gouv.fabriques.process.commun.DossierDuProcessus;
import fr.gouv.fabriques.application.versement.EtablirEcheancier;
import fr.gouv.fabriques.process.dossier.DossierProcess;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_EtablirEcheancier → {@link EtablirEcheancier}: the years become the multi-instance collection. */
@Component("etablirEcheancierDelegate")
class EtablirEcheancierDelegate implements JavaDelegate {

    private final DossierDuProcessus dossierDuProcessus;
    private final EtablirEcheancier etablirEcheancier;

    EtablirEcheancierDelegate(DossierDuProcessus dossierDuProcessus, EtablirEcheancier etablirEcheancier) {
        this.dossierDuProcessus = dossierDuProcessus;
        this.etablirEcheancier = etablirEcheancier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<Integer> annees = etablirEcheancier.etablir(dossierDuProcessus.id(execution));
        execution.setVariable(DossierProcess.VAR_ANNEES, new ArrayList<>(annees));
        execution.setVariable(DossierProcess.VAR_ANNEE_BILAN_FINAL, annees.get(annees.size() - 1));
    }
}
