package fr.gouv.fabriques.process.versement;

import fr.gouv.fabriques.application.versement.EtapeEnCours;
import fr.gouv.fabriques.application.versement.RappelerBilan;
import fr.gouv.fabriques.process.commun.DossierDuProcessus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_RappelerBilan (timer before the report's deadline) → {@link RappelerBilan}. */
@Component("rappelerBilanDelegate")
class RappelerBilanDelegate implements JavaDelegate {

    private final DossierDuProcessus dossierDuProcessus;
    private final RappelerBilan rappelerBilan;
    private final EtapeEnCours etape;

    RappelerBilanDelegate(DossierDuProcessus dossierDuProcessus, RappelerBilan rappelerBilan, EtapeEnCours etape) {
        this.dossierDuProcessus = dossierDuProcessus;
        this.rappelerBilan = rappelerBilan;
        this.etape = etape;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = dossierDuProcessus.id(execution);
        rappelerBilan.rappeler(id, etape.anneeBilanAttendu(id));
    }
}
