package fr.gouv.fabriques.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.gouv.fabriques.application.port.VersionsProcessus.Attente;
import fr.gouv.fabriques.application.port.VersionsProcessus.Etat;
import fr.gouv.fabriques.application.port.VersionsProcessus.Instance;
import fr.gouv.fabriques.application.port.VersionsProcessus.Plan;
import fr.gouv.fabriques.application.port.VersionsProcessus.Processus;
import fr.gouv.fabriques.application.port.VersionsProcessus.Suivi;
import fr.gouv.fabriques.application.port.VersionsProcessus.Version;
import fr.gouv.fabriques.domain.Violation;
import fr.gouv.fabriques.process.avenant.AvenantProcess;
import fr.gouv.fabriques.process.migration.VersionsProcessusMoteur;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Running instances moved to a new version of their process (README « Nouvelle version d'un processus :
 * migrer les dossiers en cours », ADR 0016), through {@link VersionsProcessusMoteur} and the engine's
 * batch: the models of bpmn/ and forms/ deployed, then, after every step of the scenarios, a new
 * version of every process that has running instances (the same BPMN with another versionTag, with
 * the forms) and all its instances migrated to it; the scenarios then go on to the end. Together
 * they wait, at the moment of a migration, in every wait state of the current models (checked
 * against the models themselves, so a wait state added to a model must be reached here too).
 */
class MigrationVersionsProcessTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension MOTEUR = CouvertureProcessus.sansPlancher();

    static final Path BPMN = Path.of("bpmn");
    static final Path FORMS = Path.of("forms");

    ProcessEngine processEngine;
    ProcessusFictifs fictifs;
    VersionsProcessusMoteur versions;
    final List<String> deploiements = new ArrayList<>();
    int numeroVersion;
    /** Per engine key, the wait states an instance was in when migrated (« id » or « id (tâche de fond) »), over the scenarios. */
    static final Map<String, Set<String>> ATTENTES_MIGREES = new ConcurrentHashMap<>();
    static final Set<String> SCENARIOS_JOUES = ConcurrentHashMap.newKeySet();
    int migrees;
    /** Off while a scenario only walks again a path another scenario migrates at each step. */
    boolean migrer = true;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        fictifs = new ProcessusFictifs();
        versions = VersionsProcessusMoteur.pour(processEngine);
        deploiements.add(deployer(modeles().keySet(), true, null).getId());
    }

    @AfterEach
    void menage() {
        deploiements.forEach(id -> processEngine.getRepositoryService().deleteDeployment(id, true));
        processEngine.getManagementService().createBatchQuery().list()
                .forEach(b -> processEngine.getManagementService().deleteBatch(b.getId(), true));
    }

    // --- The scenarios -----------------------------------------------------------------------

    @Test
    void unDossierMigreAChaqueEtatDAttenteVaJusquAuSolde() {
        String numero = "FDT-2026-0101";
        ProcessInstance pi = runtime().startProcessInstanceByKey("Process_Dossier", numero, ProcessusFictifs.dossier(numero, "58"));
        etape();
        terminer(numero, "UserTask_VerifierCompletude", Map.of("dossierComplet", false));
        correler("ComplementsRecus", numero);
        terminer(numero, "UserTask_VerifierCompletude", Map.of("dossierComplet", true));
        terminer(numero, "UserTask_DonnerAvisTerritorial", Map.of());
        terminer(numero, "UserTask_InstruireDossier", Map.of());
        terminer(numero, "UserTask_ValiderProposition", Map.of("propositionValidee", true, "issueInstruction", "INSTRUIT"));
        runtime().createMessageCorrelation("DecisionComitePubliee").processInstanceBusinessKey(numero)
                .setVariable("decisionComite", "LAUREAT").correlate();
        etape();
        executer("ReceiveTask_AttendreDecisionComite");
        correler("ConventionSigneePorteur", numero);
        terminer(numero, "UserTask_SignerConventionEtat", Map.of("issueConvention", "SIGNEE"));
        ordonnancerEtEmettre(numero);
        // Year 1's report asked for corrections, then approved; year 2's approved at once.
        executer("TimerEvent_EcheanceVersement");
        deposerBilan(numero, 1);
        terminer(numero, "UserTask_ValiderBilanAnnuel", Map.of("decisionBilan", "CORRECTIONS"));
        deposerBilan(numero, 1);
        terminer(numero, "UserTask_ValiderBilanAnnuel", Map.of("decisionBilan", "APPROUVE"));
        ordonnancerEtEmettre(numero);
        executer("TimerEvent_EcheanceVersement");
        deposerBilan(numero, 2);
        terminer(numero, "UserTask_ValiderBilanAnnuel", Map.of("decisionBilan", "APPROUVE"));
        ordonnancerEtEmettre(numero);
        assertThat(pi).isWaitingAt("TimerEvent_FinConvention");
        executer("TimerEvent_FinConvention");
        assertThat(pi).isWaitingAt("CallActivity_BilanFinal");
        deposerBilan(numero, 3);
        terminer(numero, "UserTask_ValiderBilanAnnuel", Map.of("decisionBilan", "APPROUVE"));
        assertThat(pi).isEnded().hasPassed("ServiceTask_SolderConvention", "EndEvent_DossierSolde");
        Assertions.assertThat(fictifs.appels.stream().filter("emettreOrdreVersementDelegate"::equals)).hasSize(3);
        Assertions.assertThat(migrees).as("instances migrées en chemin").isGreaterThan(30);
        SCENARIOS_JOUES.add("unDossierMigreAChaqueEtatDAttenteVaJusquAuSolde");
    }

    @Test
    void unDossierSuspenduMigreVaJusquAuReversementValide() {
        String numero = "FDT-2026-0102";
        migrer = false;
        ProcessInstance pi = runtime().startProcessInstanceByKey("Process_Dossier", numero, ProcessusFictifs.dossier(numero, "75"));
        terminer(numero, "UserTask_VerifierCompletude", Map.of("dossierComplet", true));
        terminer(numero, "UserTask_DonnerAvisTerritorial", Map.of());
        terminer(numero, "UserTask_InstruireDossier", Map.of());
        terminer(numero, "UserTask_ValiderProposition", Map.of("propositionValidee", true, "issueInstruction", "INSTRUIT"));
        runtime().createMessageCorrelation("DecisionComitePubliee").processInstanceBusinessKey(numero)
                .setVariable("decisionComite", "LAUREAT").correlate();
        executer("ReceiveTask_AttendreDecisionComite");
        correler("ConventionSigneePorteur", numero);
        terminer(numero, "UserTask_SignerConventionEtat", Map.of("issueConvention", "SIGNEE"));
        ordonnancerEtEmettre(numero);
        executer("TimerEvent_EcheanceVersement");
        migrer = true;
        deposerBilan(numero, 1);
        terminer(numero, "UserTask_ValiderBilanAnnuel", Map.of("decisionBilan", "REJETE"));
        assertThat(pi).isWaitingAt("UserTask_DeciderReversement");
        terminer(numero, "UserTask_DeciderReversement", Map.of("suiteSuspension", "REGULARISATION", "anneeBilan", 1));
        assertThat(pi).isWaitingAt("ReceiveTask_AttendreRegularisation");
        deposerBilan(numero, 1);
        terminer(numero, "UserTask_ExaminerRegularisation", Map.of("decisionBilan", "CORRECTIONS"));
        terminer(numero, "UserTask_DeciderReversement", Map.of("suiteSuspension", "REVERSEMENT", "montantReversementOrdonne", 20000));
        terminer(numero, "UserTask_EnregistrerReversementRecu", Map.of());
        terminer(numero, "UserTask_ValiderReversementRecu", Map.of("reversementRecuValide", true));
        assertThat(pi).isEnded().hasPassed("EndEvent_SoldeApresReversement");
        SCENARIOS_JOUES.add("unDossierSuspenduMigreVaJusquAuReversementValide");
    }

    @Test
    void uneVagueMigreeAChaqueEtatDAttenteVaJusquALaPublication() {
        String vague = "FDT-2030-03";
        fictifs.ordreDuJour.addAll(List.of("FDT-2030-0001", "FDT-2030-0002"));
        ProcessInstance pi = runtime().startProcessInstanceByKey("Process_ComiteVague", vague, Map.of("vague", vague, "appel",
                "FABRIQUES_TERRITOIRE", "dateLimite", java.util.Date.from(java.time.Instant.parse("2030-03-30T21:59:59Z"))));
        etape();
        executer("TimerEvent_DateLimite");
        terminer(vague, "UserTask_PreparerSeance", Map.of());
        // The decision tasks are created by jobs (asynchronous before), then each completion ends in a job (after).
        executerTous("UserTask_DeciderDossier");
        List<Task> decisions = processEngine.getTaskService().createTaskQuery().taskDefinitionKey("UserTask_DeciderDossier").list();
        Assertions.assertThat(decisions).hasSize(2);
        processEngine.getTaskService().complete(decisions.get(0).getId());
        etape();
        executerTous("UserTask_DeciderDossier");
        terminer(vague, "UserTask_DeciderDossier", Map.of());
        executerTous("UserTask_DeciderDossier");
        terminer(vague, "UserTask_ArreterDecisions", Map.of("decisionsArretees", true));
        executer("ServiceTask_PublierDecisions");
        assertThat(pi).isEnded().hasPassed("EndEvent_VagueDeliberee");
        SCENARIOS_JOUES.add("uneVagueMigreeAChaqueEtatDAttenteVaJusquALaPublication");
    }

    @Test
    void uneAnnulationEtUnAvenantMigresVontJusquAuBout() {
        String numero = "FDT-2026-0103";
        ProcessInstance annulation = runtime().startProcessInstanceByKey("Process_AnnulationDossier", numero, Map.of("numero", numero));
        Map<String, Object> v = ProcessusFictifs.dossier(numero, "58");
        v.put(AvenantProcess.VAR_NUMERO_AVENANT, 1);
        ProcessInstance avenant = runtime().startProcessInstanceByKey(AvenantProcess.CLE, numero, v);
        etape();
        terminer(numero, "UserTask_ValiderAnnulation", Map.of());
        assertThat(annulation).isEnded();
        fictifs.quandEcouteur("validationAvenantListener", "complete", t -> t.getExecution().setVariable(AvenantProcess.VAR_AVENANT_VALIDE, true));
        terminer(numero, AvenantProcess.TACHE_VALIDER, Map.of());
        executer(AvenantProcess.TACHE_ETABLIR);
        correler(AvenantProcess.MESSAGE_SIGNATURE_PORTEUR, numero);
        terminer(numero, AvenantProcess.TACHE_SIGNER_ETAT, Map.of());
        assertThat(avenant).isEnded().hasPassed(AvenantProcess.TACHE_APPLIQUER);
        SCENARIOS_JOUES.add("uneAnnulationEtUnAvenantMigresVontJusquAuBout");
    }

    /**
     * Once the four scenarios have run (the whole class), they must have migrated an instance in every
     * wait state of the models: a wait state added to a model must be reached here too.
     */
    @AfterAll
    static void lesScenariosCouvrentChaqueEtatDAttenteDesModeles() {
        if (SCENARIOS_JOUES.size() < 4) {
            return;
        }
        Map<String, Set<String>> manquants = new TreeMap<>();
        etatsDAttente().forEach((cle, attentes) -> {
            Set<String> reste = new TreeSet<>(attentes);
            reste.removeAll(ATTENTES_MIGREES.getOrDefault(cle, Set.of()));
            if (!reste.isEmpty()) {
                manquants.put(cle, reste);
            }
        });
        Assertions.assertThat(manquants).as("états d'attente jamais migrés").isEmpty();
    }

    // --- What the plan says when it cannot run ----------------------------------------------

    @Test
    void uneVersionDeployeeSansSesFormulairesEstRefuseeEnFrancais() {
        String numero = "FDT-2026-0104";
        runtime().startProcessInstanceByKey("Process_AnnulationDossier", numero, Map.of("numero", numero));
        deploiements.add(deployer(Set.of("annulation-dossier"), false, null).getId());
        Plan plan = versions.planifier("annulation-dossier", 1, 2, Optional.empty());
        Assertions.assertThat(plan.valide()).isFalse();
        Assertions.assertThat(plan.erreurs()).extracting(Violation::champ).containsOnly("cible");
        Assertions.assertThat(plan.erreurs()).extracting(Violation::message).singleElement().asString()
                .contains("« Valider l'annulation du dossier »", "« valider-annulation »", "ne le contient pas");
    }

    @Test
    void uneInstanceQuiAttendDansUneActiviteSupprimeeBloqueLePlanEtEstNommee() {
        String numero = "FDT-2026-0105";
        runtime().startProcessInstanceByKey("Process_Dossier", numero, ProcessusFictifs.dossier(numero, "58"));
        // Version 2 of the instruction: the territorial opinion's task renamed (a new id: nothing to map it to).
        String modifie = texte("instruction").replace("isExecutable=\"true\"", "isExecutable=\"true\" camunda:versionTag=\"sans-avis\"");
        BpmnModelInstance m = Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(modifie.getBytes(StandardCharsets.UTF_8)));
        UserTask avis = m.getModelElementById("UserTask_DonnerAvisTerritorial");
        avis.setAttributeValue("id", "UserTask_DonnerAvisDuReferent", true);
        DeploymentBuilder d = processEngine.getRepositoryService().createDeployment().name("sans avis")
                .addModelInstance("instruction.bpmn", m);
        formulaires(d);
        deploiements.add(d.deploy().getId());
        Plan libre = versions.planifier("instruction", 1, 2, Optional.empty());
        Assertions.assertThat(libre.sansCorrespondance()).contains("« Donner l'avis territorial » (UserTask_DonnerAvisTerritorial)",
                "« Délai d'avis échu » (BoundaryEvent_DelaiAvisEchu)");
        Assertions.assertThat(libre.erreurs()).as("en attente de complétude : l'activité existe toujours").isEmpty();
        Assertions.assertThat(libre.valide()).isTrue();
        Task completude = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(numero).singleResult();
        processEngine.getTaskService().complete(completude.getId(), Map.of("dossierComplet", true));
        Plan bloque = versions.planifier("instruction", 1, 2, Optional.of(List.of(numero)));
        Assertions.assertThat(bloque.valide()).isFalse();
        Assertions.assertThat(bloque.erreurs()).singleElement().satisfies(e -> {
            Assertions.assertThat(e.champ()).isEqualTo("clesMetier");
            Assertions.assertThat(e.message()).contains(numero, "« Donner l'avis territorial » (UserTask_DonnerAvisTerritorial)",
                    "sans correspondance dans la version 2");
        });
        Plan inconnu = versions.planifier("instruction", 1, 2, Optional.of(List.of("FDT-2026-9999")));
        Assertions.assertThat(inconnu.erreurs()).extracting(Violation::message).containsExactly(
                "aucune instance en cours de la version 1 pour « FDT-2026-9999 »");
    }

    @Test
    void laListeDesVersionsCompteLesInstancesDeChaqueVersion() {
        runtime().startProcessInstanceByKey("Process_AnnulationDossier", "FDT-2026-0106", Map.of("numero", "FDT-2026-0106"));
        deploiements.add(deployer(Set.of("annulation-dossier"), true, "2.0").getId());
        runtime().startProcessInstanceByKey("Process_AnnulationDossier", "FDT-2026-0107", Map.of("numero", "FDT-2026-0107"));
        runtime().startProcessInstanceByKey("Process_AnnulationDossier", "FDT-2026-0108", Map.of("numero", "FDT-2026-0108"));
        Processus p = versions.processus("annulation-dossier").orElseThrow();
        Assertions.assertThat(p.cleMoteur()).isEqualTo("Process_AnnulationDossier");
        Assertions.assertThat(p.versions()).extracting(Version::version, Version::versionTag, Version::instancesEnCours)
                .containsExactly(Assertions.tuple(2, "2.0", 2L), Assertions.tuple(1, null, 1L));
        Assertions.assertThat(versions.processus()).extracting(Processus::cle).contains("dossier", "instruction", "versement-annuel",
                "bilan-annuel", "decision-comite", "comite-vague", "convention", "avenant", "annulation-dossier");
    }

    // --- Steps: each one followed by a new version and the migration of everything running ----

    private void terminer(String cleMetier, String tache, Map<String, Object> variables) {
        Task t = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(cleMetier).taskDefinitionKey(tache).list()
                .stream().findFirst().orElse(null);
        Assertions.assertThat(t).as("tâche " + tache).isNotNull();
        processEngine.getTaskService().complete(t.getId(), new HashMap<>(variables));
        etape();
    }

    private void correler(String message, String cleMetier) {
        runtime().createMessageCorrelation(message).processInstanceBusinessKey(cleMetier).correlate();
        etape();
    }

    private void deposerBilan(String numero, int annee) {
        runtime().createMessageCorrelation("BilanDepose").processInstanceBusinessKey(numero).processInstanceVariableEquals("anneeBilan", annee)
                .correlate();
        etape();
    }

    private void ordonnancerEtEmettre(String numero) {
        terminer(numero, "UserTask_OrdonnancerVersement", Map.of());
        terminer(numero, "UserTask_ValiderOrdreVersement", Map.of("ordreValide", true));
        executer("ServiceTask_EmettreOrdreVersement");
    }

    /** The one job of this activity (timer or asynchronous continuation), then a new version. */
    private void executer(String activite) {
        Job job = processEngine.getManagementService().createJobQuery().activityId(activite).singleResult();
        Assertions.assertThat(job).as("tâche de fond de " + activite).isNotNull();
        processEngine.getManagementService().executeJob(job.getId());
        etape();
    }

    /** The jobs of this activity, or of its multi-instance body (asynchronous before a multi-instance activity). */
    private void executerTous(String activite) {
        List<Job> jobs = new ArrayList<>(processEngine.getManagementService().createJobQuery().activityId(activite).list());
        jobs.addAll(processEngine.getManagementService().createJobQuery().activityId(activite + "#multiInstanceBody").list());
        Assertions.assertThat(jobs).as("tâches de fond de " + activite).isNotEmpty();
        jobs.forEach(j -> processEngine.getManagementService().executeJob(j.getId()));
        etape();
    }

    /**
     * A new version of every process with running instances (same model, another versionTag, with the forms),
     * and all its instances migrated there by a batch; each then stands where it stood, on the new version,
     * and each open task still finds its form.
     */
    private void etape() {
        if (!migrer) {
            return;
        }
        Set<String> actives = new TreeSet<>();
        for (Processus p : versions.processus()) {
            if (p.instancesEnCours() > 0) {
                actives.add(p.cle());
            }
        }
        if (actives.isEmpty()) {
            return;
        }
        Map<String, List<String>> avant = positions();
        // All the models together, as they are deployed: a process calls the version of its sub-process deployed with it
        // (calledElementBinding="deployment", doc/adr/0015); only the keys with running instances are migrated.
        deploiements.add(deployer(modeles().keySet(), true, "migration-" + (++numeroVersion)).getId());
        for (String cle : actives) {
            Processus p = versions.processus(cle).orElseThrow();
            Version derniere = p.derniere().orElseThrow();
            for (Version source : p.versions()) {
                if (source.instancesEnCours() == 0 || source.version() == derniere.version()) {
                    continue;
                }
                Plan plan = versions.planifier(cle, source.version(), derniere.version(), Optional.empty());
                Assertions.assertThat(plan.erreurs()).as("plan de " + cle + " v" + source.version()).isEmpty();
                Assertions.assertThat(plan.sansCorrespondance()).as("activités sans correspondance de " + cle).isEmpty();
                for (Instance i : plan.instances()) {
                    for (Attente a : i.attentes()) {
                        ATTENTES_MIGREES.computeIfAbsent(p.cleMoteur(), k -> new TreeSet<>()).add(cleAttente(a.activite(), a.tacheDeFond()));
                    }
                }
                String batch = versions.lancer(plan);
                Assertions.assertThat(versions.suivre(batch, ids(plan), derniere.definitionId()).etat()).isEqualTo(Etat.EN_COURS);
                executerLot(batch);
                Suivi suivi = versions.suivre(batch, ids(plan), derniere.definitionId());
                Assertions.assertThat(suivi.etat()).isEqualTo(Etat.TERMINE);
                Assertions.assertThat(suivi.migrees()).as("migrées de " + cle).isEqualTo(plan.instances().size());
                Assertions.assertThat(suivi.echecs()).isZero();
                migrees += suivi.migrees();
            }
        }
        for (ProcessInstance pi : runtime().createProcessInstanceQuery().list()) {
            ProcessDefinition d = processEngine.getRepositoryService().getProcessDefinition(pi.getProcessDefinitionId());
            ProcessDefinition derniere = processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(d.getKey())
                    .latestVersion().singleResult();
            Assertions.assertThat(d.getId()).as("instance de " + d.getKey() + " sur la dernière version").isEqualTo(derniere.getId());
        }
        Assertions.assertThat(positions()).as("chaque instance attend où elle attendait").isEqualTo(avant);
        for (Task t : processEngine.getTaskService().createTaskQuery().list()) {
            try (InputStream formulaire = processEngine.getFormService().getDeployedTaskForm(t.getId())) {
                Assertions.assertThat(formulaire).as("formulaire de " + t.getTaskDefinitionKey()).isNotNull();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Seed job, one migration job per instance, monitor job: run in turn as the job executor would. */
    private void executerLot(String batchId) {
        for (int tour = 0; tour < 100; tour++) {
            Batch b = processEngine.getManagementService().createBatchQuery().batchId(batchId).singleResult();
            if (b == null) {
                return;
            }
            List<Job> jobs = new ArrayList<>();
            for (String definition : List.of(b.getSeedJobDefinitionId(), b.getBatchJobDefinitionId(), b.getMonitorJobDefinitionId())) {
                jobs.addAll(processEngine.getManagementService().createJobQuery().jobDefinitionId(definition).list());
            }
            jobs.forEach(j -> processEngine.getManagementService().executeJob(j.getId()));
        }
        Assertions.fail("le lot " + batchId + " ne se termine pas");
    }

    /** Each running instance (by key, business key) and where it waits, whatever its version. */
    private Map<String, List<String>> positions() {
        Map<String, List<String>> positions = new HashMap<>();
        for (ProcessInstance pi : runtime().createProcessInstanceQuery().list()) {
            String cle = processEngine.getRepositoryService().getProcessDefinition(pi.getProcessDefinitionId()).getKey();
            positions.computeIfAbsent(cle + " " + pi.getBusinessKey(), k -> new ArrayList<>())
                    .addAll(processEngine.getRuntimeService().getActiveActivityIds(pi.getId()));
            positions.get(cle + " " + pi.getBusinessKey()).sort(null);
        }
        return positions;
    }

    private static List<String> ids(Plan plan) {
        return plan.instances().stream().map(Instance::id).toList();
    }

    private static String cleAttente(String activite, boolean tacheDeFond) {
        return tacheDeFond ? activite + " (tâche de fond)" : activite;
    }

    /**
     * The wait states of the current models: user and receive tasks, called processes, catching events
     * (those after an event-based gateway wait at the gateway), event-based gateways, and the jobs of
     * asynchronous continuations.
     */
    static Map<String, Set<String>> etatsDAttente() {
        Map<String, Set<String>> parCle = new HashMap<>();
        for (String texte : modeles().values()) {
            BpmnModelInstance m = Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(texte.getBytes(StandardCharsets.UTF_8)));
            for (org.camunda.bpm.model.bpmn.instance.Process p : m.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)) {
                Set<String> attentes = parCle.computeIfAbsent(p.getId(), k -> new TreeSet<>());
                for (FlowNode n : p.getChildElementsByType(FlowNode.class)) {
                    boolean apresPasserelle = n.getIncoming().stream().anyMatch(f -> f.getSource() instanceof EventBasedGateway);
                    if (n instanceof UserTask || n instanceof ReceiveTask || n instanceof CallActivity || n instanceof EventBasedGateway
                            || n instanceof IntermediateCatchEvent && !apresPasserelle) {
                        attentes.add(n.getId());
                    }
                    if ("true".equals(n.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "asyncBefore"))
                            || "true".equals(n.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "asyncAfter"))) {
                        attentes.add(cleAttente(n.getId(), true));
                    }
                    if (n instanceof Activity a && a.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics mi
                            && (mi.isCamundaAsyncBefore() || mi.isCamundaAsyncAfter())) {
                        attentes.add(cleAttente(n.getId(), true));
                    }
                }
            }
        }
        return parCle;
    }

    // --- Deployments --------------------------------------------------------------------------

    private org.camunda.bpm.engine.repository.Deployment deployer(Set<String> cles, boolean avecFormulaires, String versionTag) {
        DeploymentBuilder d = processEngine.getRepositoryService().createDeployment().name(versionTag == null ? "modèles" : versionTag);
        for (String cle : cles) {
            String t = texte(cle);
            if (versionTag != null) {
                t = t.replaceFirst("isExecutable=\"true\"", "isExecutable=\"true\" camunda:versionTag=\"" + versionTag + "\"");
            }
            d.addString(cle + ".bpmn", t);
        }
        if (avecFormulaires) {
            formulaires(d);
        }
        return d.deploy();
    }

    private static void formulaires(DeploymentBuilder d) {
        try (Stream<Path> fichiers = Files.list(FORMS)) {
            for (Path f : fichiers.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
                d.addString(f.getFileName().toString(), Files.readString(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The models of bpmn/, by file name without extension. */
    static Map<String, String> modeles() {
        Map<String, String> modeles = new HashMap<>();
        try (Stream<Path> fichiers = Files.list(BPMN)) {
            for (Path f : fichiers.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                modeles.put(f.getFileName().toString().replace(".bpmn", ""), Files.readString(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return modeles;
    }

    private static String texte(String cle) {
        return Optional.ofNullable(modeles().get(cle)).orElseThrow(() -> new IllegalArgumentException(cle));
    }

    private static org.camunda.bpm.engine.RuntimeService runtime() {
        return BpmnAwareTests.runtimeService();
    }
}
