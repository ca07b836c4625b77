package fr.gouv.fabriques.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.gouv.fabriques.application.versement.CalendrierConvention;
import fr.gouv.fabriques.process.commun.Variables;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/**
 * Every path of bpmn/dossier.bpmn, through the real called processes: instruction,
 * committee, convention, three yearly payments, annual reports, closure.
 */
@Deployment(resources = {"bpmn/dossier.bpmn", "bpmn/instruction.bpmn", "bpmn/decision-comite.bpmn", "bpmn/convention.bpmn",
    "bpmn/versement-annuel.bpmn", "bpmn/bilan-annuel.bpmn"})
class DossierProcessTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension MOTEUR = CouvertureProcessus.auMoins(0.95);

    static final String NUMERO = "FDT-2026-0007";
    ProcessEngine processEngine;
    ProcessusFictifs fictifs;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        fictifs = new ProcessusFictifs();
    }

    private ProcessInstance deposer() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("Process_Dossier", NUMERO, ProcessusFictifs.dossier(NUMERO, "58"));
        // Eligibility ran in the starting transaction (doc/adr/0022): an eligible dossier already waits in its instruction.
        assertThat(pi).hasPassed("StartEvent_DossierDepose");
        return pi;
    }

    private Task tache(String cle) {
        Task t = taskQuery().processInstanceBusinessKey(NUMERO).taskDefinitionKey(cle).singleResult();
        Assertions.assertThat(t).as("tâche " + cle).isNotNull();
        return t;
    }

    private void instruire(ProcessInstance pi) {
        complete(tache("UserTask_VerifierCompletude"), withVariables("dossierComplet", true));
        complete(tache("UserTask_DonnerAvisTerritorial"));
        complete(tache("UserTask_InstruireDossier"));
        complete(tache("UserTask_ValiderProposition"), withVariables("propositionValidee", true, "issueInstruction", "INSTRUIT"));
        assertThat(pi).isWaitingAt("CallActivity_DecisionComite");
    }

    private void laureatSigne(ProcessInstance pi) {
        instruire(pi);
        publierDecision("LAUREAT");
        assertThat(pi).isWaitingAt("CallActivity_Convention");
        runtimeService().createMessageCorrelation("ConventionSigneePorteur").processInstanceBusinessKey(NUMERO).correlate();
        complete(tache("UserTask_SignerConventionEtat"), withVariables("issueConvention", "SIGNEE"));
        assertThat(pi).hasPassed("ServiceTask_EtablirEcheancier").isWaitingAt("CallActivity_VersementsAnnuels");
    }

    /** One agent orders, a second validates (the listeners, real ones, hold the four eyes; here the route). */
    private void ordonnancerEtValider() {
        complete(tache("UserTask_OrdonnancerVersement"));
        complete(tache("UserTask_ValiderOrdreVersement"), withVariables("ordreValide", true));
    }

    /** The last payment issued, the final report waits for the end of the convention (end of year 3). */
    private void finDeConvention(ProcessInstance pi) {
        assertThat(pi).isWaitingAt("TimerEvent_FinConvention");
        execute(jobQuery().activityId("TimerEvent_FinConvention").singleResult());
        assertThat(pi).isWaitingAt("CallActivity_BilanFinal");
    }

    private void emettreVersementEnCours() {
        Job emission = jobQuery().activityId("ServiceTask_EmettreOrdreVersement").singleResult();
        Assertions.assertThat(emission).as("ordre de versement asynchrone").isNotNull();
        execute(emission);
    }

    /** A laureate paid for year 1 whose first anniversary has come: the year-1 report is awaited. */
    private ProcessInstance jusquALAnniversaireDeLAnnee1() {
        ProcessInstance pi = deposer();
        laureatSigne(pi);
        ordonnancerEtValider();
        emettreVersementEnCours();
        execute(jobQuery().activityId("TimerEvent_EcheanceVersement").singleResult());
        return pi;
    }

    /** The wave's committee publishes its decision: message to the waiting dossier, then its asynchronous continuation. */
    private void publierDecision(String decision) {
        runtime().createMessageCorrelation("DecisionComitePubliee").processInstanceBusinessKey(NUMERO)
                .setVariable("decisionComite", decision).correlate();
        execute(jobQuery().activityId("ReceiveTask_AttendreDecisionComite").singleResult());
    }

    private static org.camunda.bpm.engine.RuntimeService runtime() {
        return runtimeService();
    }

    private void deposerBilan(int annee) {
        runtimeService().createMessageCorrelation("BilanDepose").processInstanceBusinessKey(NUMERO)
                .processInstanceVariableEquals("anneeBilan", annee).correlate();
    }

    @Test
    void unOrdreRenvoyeParLeValidateurRevientALOrdonnancementEtNEstPasEmis() {
        ProcessInstance pi = deposer();
        laureatSigne(pi);
        complete(tache("UserTask_OrdonnancerVersement"));
        complete(tache("UserTask_ValiderOrdreVersement"), withVariables("ordreValide", false));
        Assertions.assertThat(jobQuery().activityId("ServiceTask_EmettreOrdreVersement").count()).as("rien à émettre").isZero();
        ProcessInstance versement = calledProcessInstance("Process_VersementAnnuel", pi);
        assertThat(versement).hasPassed("Gateway_OrdreValide").isWaitingAt("UserTask_OrdonnancerVersement");
        ordonnancerEtValider();
        emettreVersementEnCours();
        assertThat(versement).hasPassed("ServiceTask_EmettreOrdreVersement").isEnded();
    }

    /**
     * Each phase receives the dossier's five variables and what it reads, never the whole main process: the annual
     * payment used to receive the schedule, the multi-instance counters and the outcome of every earlier phase, a row
     * and a historic variable each, written at the call and again at its end (issue 13).
     */
    @Test
    void chaquePhaseNeRecoitQueLesVariablesDuDossierEtCeQuElleLit() {
        java.util.Set<String> duDossier = java.util.Set.copyOf(Variables.DU_DOSSIER);
        ProcessInstance pi = deposer();
        Assertions.assertThat(variablesDe(calledProcessInstance("Process_Instruction", pi)))
                .as("instruction").containsAll(duDossier).doesNotContain("dossierId");
        instruire(pi);
        Assertions.assertThat(variablesDe(calledProcessInstance("Process_DecisionComite", pi))).as("décision du comité")
                .isEqualTo(duDossier);
        publierDecision("LAUREAT");
        Assertions.assertThat(variablesDe(calledProcessInstance("Process_Convention", pi))).as("convention").isEqualTo(duDossier);
        runtimeService().createMessageCorrelation("ConventionSigneePorteur").processInstanceBusinessKey(NUMERO).correlate();
        complete(tache("UserTask_SignerConventionEtat"), withVariables("issueConvention", "SIGNEE"));
        Assertions.assertThat(runtimeService().getVariables(pi.getId())).as("le processus du dossier garde l'échéancier")
                .containsKeys("annees", "anneeBilanFinal", "issueConvention", "decisionComite", "issueInstruction");
        ProcessInstance versement = calledProcessInstance("Process_VersementAnnuel", pi);
        Assertions.assertThat(variablesDe(versement)).as("versement de l'année 1")
                .containsAll(duDossier).contains("annee")
                .doesNotContain("annees", "anneeBilanFinal", "issueConvention", "decisionComite", "issueInstruction", "loopCounter",
                        "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances");
        Assertions.assertThat(runtimeService().getVariable(versement.getId(), "annee")).isEqualTo(1);
    }

    private static java.util.Set<String> variablesDe(ProcessInstance instance) {
        return runtimeService().getVariables(instance.getId()).keySet();
    }

    @Test
    void parcoursCompletJusquAuSolde() {
        ProcessInstance pi = deposer();
        laureatSigne(pi);

        // Year 1: paid on the State's signature, no report first.
        ordonnancerEtValider();
        emettreVersementEnCours();

        // Years 2 and 3: anniversary, then the previous year's report, then the order.
        for (int annee = 2; annee <= 3; annee++) {
            Job anniversaire = jobQuery().activityId("TimerEvent_EcheanceVersement").singleResult();
            Assertions.assertThat(anniversaire).as("échéance de l'année " + annee).isNotNull();
            execute(anniversaire);
            deposerBilan(annee - 1);
            complete(tache("UserTask_ValiderBilanAnnuel"), withVariables("decisionBilan", "APPROUVE"));
            ordonnancerEtValider();
            emettreVersementEnCours();
        }

        finDeConvention(pi);
        deposerBilan(3);
        complete(tache("UserTask_ValiderBilanAnnuel"), withVariables("decisionBilan", "APPROUVE"));
        assertThat(pi).isEnded().hasPassed("ServiceTask_SolderConvention", "EndEvent_DossierSolde");
        Assertions.assertThat(fictifs.appels.stream().filter("emettreOrdreVersementDelegate"::equals)).hasSize(3);
        Assertions.assertThat(fictifs.appels.stream().filter("preparerVersementDelegate"::equals)).hasSize(3);
    }

    @Test
    void lesBilansSuiventLeCalendrierDeLaConventionSurTroisAns() {
        java.time.Instant signature = java.time.Instant.parse("2030-03-15T10:00:00Z");
        java.time.Period an = java.time.Period.ofYears(1);
        fictifs.calendrier.signature = signature;
        horloge(signature.minus(java.time.Duration.ofDays(40)));
        try {
            ProcessInstance pi = deposer();
            laureatSigne(pi);
            horloge(signature);
            ordonnancerEtValider();
            emettreVersementEnCours();
            for (int annee = 2; annee <= 3; annee++) {
                // The end of year n-1 (its anniversary): payment n falls due and the report of year n-1 is requested.
                java.time.Instant finAnnee = CalendrierConvention.finAnnee(signature, an, annee - 1);
                Job anniversaire = jobQuery().activityId("TimerEvent_EcheanceVersement").singleResult();
                Assertions.assertThat(anniversaire.getDuedate()).as("anniversaire " + (annee - 1)).isEqualTo(java.util.Date.from(finAnnee));
                horloge(finAnnee);
                execute(anniversaire);
                // Due at the end of its year plus 6 months; the laureate reminded 30 days before, the wait goes on.
                java.time.Instant limite = finAnnee.atZone(fr.gouv.fabriques.domain.Vague.FUSEAU).plusMonths(6).toInstant();
                Job delai = jobQuery().activityId("BoundaryEvent_DelaiBilanEchu").singleResult();
                Assertions.assertThat(delai.getDuedate()).as("échéance du bilan " + (annee - 1)).isEqualTo(java.util.Date.from(limite));
                Job rappel = jobQuery().activityId("BoundaryEvent_RappelBilan").singleResult();
                java.time.Instant jourDuRappel = limite.atZone(fr.gouv.fabriques.domain.Vague.FUSEAU).minusDays(30).toInstant();
                Assertions.assertThat(rappel.getDuedate()).isEqualTo(java.util.Date.from(jourDuRappel));
                horloge(jourDuRappel);
                execute(rappel);
                Assertions.assertThat(fictifs.appels.stream().filter("rappelerBilanDelegate"::equals)).hasSize(annee - 1);
                Assertions.assertThat(jobQuery().activityId("BoundaryEvent_DelaiBilanEchu").count()).as("toujours attendu").isEqualTo(1);
                deposerBilan(annee - 1);
                complete(tache("UserTask_ValiderBilanAnnuel"), withVariables("decisionBilan", "APPROUVE"));
                ordonnancerEtValider();
                emettreVersementEnCours();
            }
            // Year 3 paid at its start: the final report is not requested before the end of year 3.
            assertThat(pi).isWaitingAt("TimerEvent_FinConvention");
            Assertions.assertThat(runtimeService().createEventSubscriptionQuery().eventName("BilanDepose").count()).isZero();
            java.time.Instant fin = CalendrierConvention.finAnnee(signature, an, 3);
            Job finConvention = jobQuery().activityId("TimerEvent_FinConvention").singleResult();
            Assertions.assertThat(finConvention.getDuedate()).isEqualTo(java.util.Date.from(fin));
            horloge(fin);
            execute(finConvention);
            assertThat(pi).isWaitingAt("CallActivity_BilanFinal");
            Assertions.assertThat(jobQuery().activityId("BoundaryEvent_DelaiBilanEchu").singleResult().getDuedate())
                    .isEqualTo(java.util.Date.from(fin.atZone(fr.gouv.fabriques.domain.Vague.FUSEAU).plusMonths(6).toInstant()));
            deposerBilan(3);
            complete(tache("UserTask_ValiderBilanAnnuel"), withVariables("decisionBilan", "APPROUVE"));
            assertThat(pi).isEnded().hasPassed("ServiceTask_SolderConvention");
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }

    private static void horloge(java.time.Instant t) {
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(t));
    }

    /** The applicant withdraws during instruction: the dossier's process and its called instruction end at once. */
    @Test
    void unRetraitPendantLInstructionInterromptToutLeDossier() {
        ProcessInstance pi = deposer();
        Assertions.assertThat(taskQuery().processInstanceBusinessKey(NUMERO).count()).isPositive();
        runtimeService().createMessageCorrelation("RetraitPorteur").processInstanceBusinessKey(NUMERO).correlate();
        assertThat(pi).isEnded().hasPassed("StartEvent_Retrait", "EndEvent_DossierRetire").hasNotPassed("CallActivity_DecisionComite");
        Assertions.assertThat(runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(NUMERO).count()).isZero();
        Assertions.assertThat(taskQuery().processInstanceBusinessKey(NUMERO).count()).isZero();
    }

    /** A laureate renounces while waiting for its second payment: the payment process and its timers are cancelled. */
    @Test
    void uneRenonciationPendantLesVersementsAnnuleLesVersementsEnCours() {
        ProcessInstance pi = jusquALAnniversaireDeLAnnee1();
        Assertions.assertThat(jobQuery().activityId("BoundaryEvent_DelaiBilanEchu").count()).isEqualTo(1);
        runtimeService().createMessageCorrelation("RenonciationLaureat").processInstanceBusinessKey(NUMERO).correlate();
        assertThat(pi).isEnded().hasPassed("EndEvent_DossierRenonce").hasNotPassed("ServiceTask_SolderConvention");
        Assertions.assertThat(jobQuery().count()).isZero();
        Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
    }

    /** The State's cancellation, validated, interrupts the dossier wherever it is: here during the committee's wait. */
    @Test
    void uneAnnulationValideeInterromptLeDossierAuComite() {
        ProcessInstance pi = deposer();
        instruire(pi);
        runtimeService().createMessageCorrelation("AnnulationValidee").processInstanceBusinessKey(NUMERO).correlate();
        assertThat(pi).isEnded().hasPassed("EndEvent_DossierAnnule");
        Assertions.assertThat(runtimeService().createEventSubscriptionQuery().eventName("DecisionComitePubliee").count()).isZero();
    }

    @Test
    void dossierIrrecevable() {
        fictifs.quand("verifierEligibiliteDelegate", e -> {
            e.setVariable("eligible", false);
            e.setVariable("issueInstruction", "IRRECEVABLE");
        });
        ProcessInstance pi = deposer();
        assertThat(pi).isEnded().hasPassed("EndEvent_DossierIrrecevable");
    }

    @Test
    void dossierClasseSansSuite() {
        ProcessInstance pi = deposer();
        complete(tache("UserTask_VerifierCompletude"), withVariables("dossierComplet", false));
        execute(jobQuery().activityId("BoundaryEvent_DelaiComplementsEchu").singleResult());
        assertThat(pi).isEnded().hasPassed("EndEvent_DossierClasseSansSuite");
    }

    @Test
    void dossierRefuse() {
        ProcessInstance pi = deposer();
        instruire(pi);
        publierDecision("REFUSE");
        assertThat(pi).isEnded().hasPassed("EndEvent_DossierRefuse").hasNotPassed("CallActivity_Convention");
    }

    @Test
    void dossierAjournePuisLaureat() {
        ProcessInstance pi = deposer();
        instruire(pi);
        publierDecision("AJOURNE");
        assertThat(pi).isWaitingAt("CallActivity_DecisionComite");
        publierDecision("LAUREAT");
        assertThat(pi).isWaitingAt("CallActivity_Convention");
    }

    @Test
    void conventionNonSigneeDansLeDelaiLaSubventionEstCaduque() {
        ProcessInstance pi = deposer();
        instruire(pi);
        publierDecision("LAUREAT");
        execute(jobQuery().activityId("BoundaryEvent_DelaiSignatureEchu").singleResult());
        assertThat(pi).isEnded().hasPassed("EndEvent_DossierCaduc").hasNotPassed("ServiceTask_EtablirEcheancier");
    }

    /** Year 1 paid, its report rejected: the dossier waits for the programme manager's decision. */
    private ProcessInstance suspendu() {
        ProcessInstance pi = jusquALAnniversaireDeLAnnee1();
        deposerBilan(1);
        complete(tache("UserTask_ValiderBilanAnnuel"), withVariables("decisionBilan", "REJETE"));
        assertThat(pi).isWaitingAt("UserTask_DeciderReversement");
        return pi;
    }

    @Test
    void unReversementOrdonneEstSuiviJusquALaReceptionValideeParUnSecondAgent() {
        ProcessInstance pi = suspendu();
        Assertions.assertThat(tache("UserTask_DeciderReversement").getName())
                .isEqualTo("Décider de la suite de la suspension " + NUMERO + " — La Fabrique du Val");
        complete(tache("UserTask_DeciderReversement"), withVariables("suiteSuspension", "REVERSEMENT", "montantReversementOrdonne", 20000));
        complete(tache("UserTask_EnregistrerReversementRecu"));
        // Sent back by the second agent: recorded again, then validated.
        complete(tache("UserTask_ValiderReversementRecu"), withVariables("reversementRecuValide", false));
        complete(tache("UserTask_EnregistrerReversementRecu"));
        complete(tache("UserTask_ValiderReversementRecu"), withVariables("reversementRecuValide", true));
        assertThat(pi).isEnded().hasPassed("EndEvent_SoldeApresReversement").hasNotPassed("ServiceTask_SolderConvention",
                "ServiceTask_ResilierConvention");
        Assertions.assertThat(taskQuery().list()).isEmpty();
    }

    @Test
    void sansReversementLaConventionEstResiliee() {
        ProcessInstance pi = suspendu();
        complete(tache("UserTask_DeciderReversement"), withVariables("suiteSuspension", "REVERSEMENT", "montantReversementOrdonne", 0));
        assertThat(pi).isEnded().hasPassed("ServiceTask_ResilierConvention", "EndEvent_ConventionResiliee");
        Assertions.assertThat(fictifs.appels).contains("resilierConventionDelegate");
    }

    @Test
    void unBilanRegulariseEtApprouveFaitReprendreLesVersementsRestants() {
        fictifs.quand("reprendreVersementsDelegate", e -> e.setVariable("versementsRestants", true));
        // After the regularisation the schedule holds the years not paid yet.
        fictifs.quand("etablirEcheancierDelegate", e -> {
            boolean repris = e.getVariable("versementsRestants") != null;
            e.setVariable("annees", new java.util.ArrayList<>(repris ? List.of(2, 3) : List.of(1, 2, 3)));
            e.setVariable("anneeBilanFinal", 3);
        });
        ProcessInstance pi = suspendu();
        complete(tache("UserTask_DeciderReversement"), withVariables("suiteSuspension", "REGULARISATION", "anneeBilan", 1));
        assertThat(pi).isWaitingAt("ReceiveTask_AttendreRegularisation");
        // A corrected report that is still not right: back to the programme manager, who grants another delay.
        deposerBilan(1);
        complete(tache("UserTask_ExaminerRegularisation"), withVariables("decisionBilan", "CORRECTIONS"));
        assertThat(pi).isWaitingAt("UserTask_DeciderReversement");
        complete(tache("UserTask_DeciderReversement"), withVariables("suiteSuspension", "REGULARISATION", "anneeBilan", 1));
        deposerBilan(1);
        // (the real PreparerVersement reads in the database that the report of year 1 is approved)
        fictifs.quand("preparerVersementDelegate", e -> {
            int annee = ((Number) e.getVariable("annee")).intValue();
            e.setVariable("bilanRequis", annee > 2);
            e.setVariable("anneeBilan", annee - 1);
            e.setVariable("dateEcheance", java.util.Date.from(java.time.Instant.parse("2030-01-01T00:00:00Z")));
        });
        complete(tache("UserTask_ExaminerRegularisation"), withVariables("decisionBilan", "APPROUVE"));
        assertThat(pi).hasPassed("ServiceTask_ReprendreVersements", "Gateway_AvantEcheancier").isWaitingAt("CallActivity_VersementsAnnuels");
        // Year 2, whose report (year 1) is approved already: ordered at once; then year 3 as usual, and the final report.
        ordonnancerEtValider();
        emettreVersementEnCours();
        execute(jobQuery().activityId("TimerEvent_EcheanceVersement").singleResult());
        deposerBilan(2);
        complete(tache("UserTask_ValiderBilanAnnuel"), withVariables("decisionBilan", "APPROUVE"));
        ordonnancerEtValider();
        emettreVersementEnCours();
        finDeConvention(pi);
        deposerBilan(3);
        complete(tache("UserTask_ValiderBilanAnnuel"), withVariables("decisionBilan", "APPROUVE"));
        assertThat(pi).isEnded().hasPassed("EndEvent_DossierSolde");
    }

    @Test
    void leBilanFinalRegulariseSoldeLaConvention() {
        fictifs.quand("etablirEcheancierDelegate", e -> {
            e.setVariable("annees", new java.util.ArrayList<>(List.of(1)));
            e.setVariable("anneeBilanFinal", 1);
        });
        fictifs.quand("reprendreVersementsDelegate", e -> e.setVariable("versementsRestants", false));
        ProcessInstance pi = deposer();
        laureatSigne(pi);
        ordonnancerEtValider();
        emettreVersementEnCours();
        finDeConvention(pi);
        deposerBilan(1);
        complete(tache("UserTask_ValiderBilanAnnuel"), withVariables("decisionBilan", "REJETE"));
        complete(tache("UserTask_DeciderReversement"), withVariables("suiteSuspension", "REGULARISATION", "anneeBilan", 1));
        deposerBilan(1);
        complete(tache("UserTask_ExaminerRegularisation"), withVariables("decisionBilan", "APPROUVE"));
        assertThat(pi).isEnded().hasPassed("ServiceTask_SolderApresRegularisation", "EndEvent_DossierSoldeRegularise");
    }

    @Test
    void sansRegularisationDansLeDelaiLeGestionnaireDecideDeNouveau() {
        ProcessInstance pi = suspendu();
        complete(tache("UserTask_DeciderReversement"), withVariables("suiteSuspension", "REGULARISATION", "anneeBilan", 1));
        execute(jobQuery().activityId("BoundaryEvent_DelaiRegularisationEchu").singleResult());
        assertThat(pi).isWaitingAt("UserTask_DeciderReversement");
    }

    @Test
    void bilanFinalRejeteSuspendAussi() {
        fictifs.quand("etablirEcheancierDelegate", e -> {
            e.setVariable("annees", new java.util.ArrayList<>(List.of(1)));
            e.setVariable("anneeBilanFinal", 1);
        });
        ProcessInstance pi = deposer();
        laureatSigne(pi);
        ordonnancerEtValider();
        emettreVersementEnCours();
        finDeConvention(pi);
        deposerBilan(1);
        complete(tache("UserTask_ValiderBilanAnnuel"), withVariables("decisionBilan", "REJETE"));
        assertThat(pi).isWaitingAt("UserTask_DeciderReversement");
    }

    @Test
    void unRappelPartAvantLEcheanceSansInterrompreLAttente() {
        ProcessInstance pi = deposer();
        instruire(pi);
        publierDecision("LAUREAT");
        execute(jobQuery().activityId("BoundaryEvent_RappelSignature").singleResult());
        Assertions.assertThat(fictifs.appels).contains("relancerPorteurDelegate");
        runtimeService().createMessageCorrelation("ConventionSigneePorteur").processInstanceBusinessKey(NUMERO).correlate();
        Assertions.assertThat(tache("UserTask_SignerConventionEtat")).isNotNull();
        Assertions.assertThat(jobQuery().activityId("BoundaryEvent_DelaiSignatureEchu").count()).isZero();
    }

    @Test
    void unBilanNonDeposeDansLeDelaiSuspendLesVersements() {
        ProcessInstance pi = jusquALAnniversaireDeLAnnee1();
        execute(jobQuery().activityId("BoundaryEvent_DelaiBilanEchu").singleResult());
        Assertions.assertThat(fictifs.appels).contains("constaterDefautBilanDelegate");
        assertThat(pi).isWaitingAt("UserTask_DeciderReversement");
    }

    @Test
    void desCorrectionsNonRenduesDansLeDelaiSuspendentLesVersements() {
        ProcessInstance pi = jusquALAnniversaireDeLAnnee1();
        deposerBilan(1);
        // The engine's clock is fixed while the deadline is set: the due date is exactly 30 days later.
        java.time.Instant maintenant = java.time.Instant.parse("2031-05-04T08:00:00Z");
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(maintenant));
        try {
            complete(tache("UserTask_ValiderBilanAnnuel"), withVariables("decisionBilan", "CORRECTIONS"));
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
        Job delai = jobQuery().activityId("BoundaryEvent_DelaiCorrectionsEchu").singleResult();
        Assertions.assertThat(delai.getDuedate()).isEqualTo(java.util.Date.from(maintenant.plus(java.time.Duration.ofDays(30))));
        execute(delai);
        assertThat(pi).isWaitingAt("UserTask_DeciderReversement");
    }

    @Test
    void correctionsDemandeesPuisBilanApprouve() {
        ProcessInstance pi = jusquALAnniversaireDeLAnnee1();
        deposerBilan(1);
        complete(tache("UserTask_ValiderBilanAnnuel"), withVariables("decisionBilan", "CORRECTIONS"));
        ProcessInstance bilan = calledProcessInstance(calledProcessInstance(pi));
        assertThat(bilan).isWaitingAt("ReceiveTask_AttendreCorrections");
        deposerBilan(1);
        complete(tache("UserTask_ValiderBilanAnnuel"), withVariables("decisionBilan", "APPROUVE"));
        assertThat(tache("UserTask_OrdonnancerVersement")).isNotNull();
    }
}
