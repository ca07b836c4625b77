package fr.gouv.fabriques.process.versement;

import fr.gouv.fabriques.process.deploiement.ExposeAuxModeles;
import fr.gouv.fabriques.application.versement.CalendrierConvention;
import fr.gouv.fabriques.application.versement.EtapeEnCours;
import fr.gouv.fabriques.process.commun.DossierDuProcessus;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The report timers' dates, for the models: {@code ${calendrierBilans.finConvention(execution)}}
 * (bpmn/dossier.bpmn, before the final report), {@code ${calendrierBilans.limite(execution)}}
 * and {@code ${calendrierBilans.rappel(execution)}} (bpmn/bilan-annuel.bpmn, for the report
 * awaited). Dossier from the business key, year from the database, dates from
 * {@link CalendrierConvention}.
 */
@ExposeAuxModeles
@Component("calendrierBilans")
public class CalendrierBilans {

    private final DossierDuProcessus dossierDuProcessus;
    private final CalendrierConvention calendrier;
    private final EtapeEnCours etape;

    CalendrierBilans(DossierDuProcessus dossierDuProcessus, CalendrierConvention calendrier, EtapeEnCours etape) {
        this.dossierDuProcessus = dossierDuProcessus;
        this.calendrier = calendrier;
        this.etape = etape;
    }

    public Date finConvention(DelegateExecution execution) {
        return Date.from(calendrier.finConvention(dossierDuProcessus.id(execution)));
    }

    public Date limite(DelegateExecution execution) {
        long id = dossierDuProcessus.id(execution);
        return Date.from(calendrier.limiteBilan(id, etape.anneeBilanAttendu(id)));
    }

    public Date rappel(DelegateExecution execution) {
        long id = dossierDuProcessus.id(execution);
        return Date.from(calendrier.rappelBilan(id, etape.anneeBilanAttendu(id)));
    }
}
