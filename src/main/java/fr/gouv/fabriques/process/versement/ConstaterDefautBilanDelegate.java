package fr.gouv.fabriques.process.versement;

import fr.gouv.fabriques.application.versement.EtapeEnCours;
import fr.gouv.fabriques.application.versement.ConstaterDefautBilan;
import fr.gouv.fabriques.process.commun.DossierDuProcessus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_ConstaterDefautBilan (report or corrections deadline passed) → {@link ConstaterDefautBilan}. */
@Component("constaterDefautBilanDelegate")
class ConstaterDefautBilanDelegate implements JavaDelegate {

    private final DossierDuProcessus dossierDuProcessus;
    private final ConstaterDefautBilan constaterDefautBilan;
    private final EtapeEnCours etape;

    ConstaterDefautBilanDelegate(DossierDuProcessus dossierDuProcessus, ConstaterDefautBilan constaterDefautBilan, EtapeEnCours etape) {
        this.dossierDuProcessus = dossierDuProcessus;
        this.constaterDefautBilan = constaterDefautBilan;
        this.etape = etape;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long dossierId = dossierDuProcessus.id(execution);
        constaterDefautBilan.constater(dossierId, etape.anneeBilanAttendu(dossierId));
    }
}
