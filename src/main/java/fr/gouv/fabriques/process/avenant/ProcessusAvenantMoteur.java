package fr.gouv.fabriques.process.avenant;

import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.EtapeNonAttendue;
import fr.gouv.fabriques.application.port.ProcessusAvenant;
import fr.gouv.fabriques.application.versement.CalendrierConvention;
import fr.gouv.fabriques.application.versement.EtapeEnCours;
import fr.gouv.fabriques.application.versement.PreparerVersement;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.process.commun.Variables;
import fr.gouv.fabriques.process.versement.VersementProcess;
import java.time.Instant;
import java.util.Date;
import java.util.function.LongFunction;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The engine side of {@link ProcessusAvenant}. Starting an amendment's process gives it the dossier's
 * number as business key (what its delegates and listeners find the dossier by) and the Tasklist
 * columns' facts. Redating: the timers of the dossier's processes that wait for a date of the
 * convention's calendar (payment's anniversary, report's deadline and reminder, end of the convention)
 * are set to the dates {@link PreparerVersement} and {@link CalendrierConvention} now compute — those
 * not created yet will read the shifted calendar when they are.
 */
@Component
class ProcessusAvenantMoteur implements ProcessusAvenant {

    static final String TIMER_FIN_CONVENTION = "TimerEvent_FinConvention";
    static final String TIMER_DELAI_BILAN = "BoundaryEvent_DelaiBilanEchu";
    static final String TIMER_RAPPEL_BILAN = "BoundaryEvent_RappelBilan";

    private final RuntimeService runtime;
    private final ManagementService gestion;
    private final DossierRepository dossiers;
    private final PreparerVersement preparerVersement;
    private final CalendrierConvention calendrier;
    private final EtapeEnCours etape;

    ProcessusAvenantMoteur(RuntimeService runtime, ManagementService gestion, DossierRepository dossiers, PreparerVersement preparerVersement,
            CalendrierConvention calendrier, EtapeEnCours etape) {
        this.runtime = runtime;
        this.gestion = gestion;
        this.dossiers = dossiers;
        this.preparerVersement = preparerVersement;
        this.calendrier = calendrier;
        this.etape = etape;
    }

    @Override
    public void demarrer(Dossier d, int numeroAvenant) {
        runtime.createProcessInstanceByKey(AvenantProcess.CLE)
                .businessKey(d.numero())
                .setVariable(Variables.NUMERO, d.numero())
                .setVariable(Variables.STRUCTURE, d.structure().raisonSociale())
                .setVariable(Variables.CATEGORIE, d.categorie().name())
                .setVariable(Variables.VAGUE, d.vague())
                .setVariable(AvenantProcess.VAR_NUMERO_AVENANT, numeroAvenant)
                .execute();
    }

    @Override
    public void signeParLePorteur(String numero) {
        try {
            runtime.createMessageCorrelation(AvenantProcess.MESSAGE_SIGNATURE_PORTEUR)
                    .processInstanceBusinessKey(numero)
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new EtapeNonAttendue("fichier", numero, "l'avenant signé", null);
        }
    }

    @Override
    public int redaterEcheances(String numero) {
        long id = dossiers.exigerNumero(numero).id();
        int redates = 0;
        for (ProcessInstance pi : runtime.createProcessInstanceQuery().processInstanceBusinessKey(numero).list()) {
            for (Job j : timers(pi, VersementProcess.TIMER_ECHEANCE)) {
                Instant date = preparerVersement.preparer(id, etape.versement(id).annee()).date();
                gestion.setJobDuedate(j.getId(), Date.from(date));
                runtime.setVariable(j.getExecutionId(), VersementProcess.VAR_DATE_ECHEANCE, Date.from(date));
                redates++;
            }
            redates += redater(pi, TIMER_DELAI_BILAN, x -> calendrier.limiteBilan(x, etape.anneeBilanAttendu(x)), id);
            redates += redater(pi, TIMER_RAPPEL_BILAN, x -> calendrier.rappelBilan(x, etape.anneeBilanAttendu(x)), id);
            redates += redater(pi, TIMER_FIN_CONVENTION, calendrier::finConvention, id);
        }
        return redates;
    }

    private int redater(ProcessInstance pi, String activite, LongFunction<Instant> date, long id) {
        int n = 0;
        for (Job j : timers(pi, activite)) {
            gestion.setJobDuedate(j.getId(), Date.from(date.apply(id)));
            n++;
        }
        return n;
    }

    private java.util.List<Job> timers(ProcessInstance pi, String activite) {
        return gestion.createJobQuery().processInstanceId(pi.getId()).timers().activityId(activite).list();
    }
}
