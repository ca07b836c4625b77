package fr.gouv.fabriques.process.versement;

import fr.gouv.fabriques.application.versement.EtapeEnCours;
import fr.gouv.fabriques.application.versement.PreparerVersement;
import fr.gouv.fabriques.process.commun.DossierDuProcessus;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_PreparerVersement → {@link PreparerVersement}: due date and whether a report must come first,
 * for the year {@link EtapeEnCours} reads in the database.
 */
@Component("preparerVersementDelegate")
class PreparerVersementDelegate implements JavaDelegate {

    private final DossierDuProcessus dossierDuProcessus;
    private final PreparerVersement preparerVersement;
    private final EtapeEnCours etape;

    PreparerVersementDelegate(DossierDuProcessus dossierDuProcessus, PreparerVersement preparerVersement, EtapeEnCours etape) {
        this.dossierDuProcessus = dossierDuProcessus;
        this.preparerVersement = preparerVersement;
        this.etape = etape;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long dossierId = dossierDuProcessus.id(execution);
        // The year comes from the database (first payment not issued); the loop's element must agree, or something is wrong.
        int annee = etape.versement(dossierId).annee();
        Object boucle = execution.getVariable(VersementProcess.VAR_ANNEE);
        if (boucle != null && !String.valueOf(annee).equals(String.valueOf(boucle))) {
            throw new IllegalStateException("Versement de l'année " + boucle + " demandé par le processus alors que l'année à verser est "
                    + annee + " (base de données) : incohérence, rien n'est préparé.");
        }
        PreparerVersement.Echeance e = preparerVersement.preparer(dossierId, annee);
        execution.setVariable(VersementProcess.VAR_BILAN_REQUIS, e.bilanRequis());
        execution.setVariable(VersementProcess.VAR_DATE_ECHEANCE, Date.from(e.date()));
        execution.setVariable(VersementProcess.VAR_ANNEE_BILAN, e.anneeBilanRequis());
    }
}
