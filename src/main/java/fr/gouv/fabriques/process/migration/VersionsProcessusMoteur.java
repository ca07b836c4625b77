package fr.gouv.fabriques.process.migration;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gouv.fabriques.application.port.VersionsProcessus;
import fr.gouv.fabriques.domain.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * The engine's process instance migration behind {@link VersionsProcessus} (ADR 0016): the plan maps
 * the equal activities of two versions of one key, without {@code updateEventTriggers} (a waiting
 * timer keeps its due date, a message its subscription); it is checked by the engine, then against
 * the target's deployment (forms bound to their deployment must be in it, or a migrated task would
 * lose its form), then per instance (an instance waiting in an activity the target lacks cannot move).
 * The move itself is a batch of the engine, run by the job executor, one job per instance.
 */
@Component
public class VersionsProcessusMoteur implements VersionsProcessus {

    private static final String PREFIXE_CLE = "Process_";
    private static final String CORPS_MULTI_INSTANCE = "#multiInstanceBody";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RepositoryService depots;
    private final RuntimeService execution;
    private final ManagementService gestion;

    public VersionsProcessusMoteur(RepositoryService depots, RuntimeService execution, ManagementService gestion) {
        this.depots = depots;
        this.execution = execution;
        this.gestion = gestion;
    }

    /** For the plain-engine process tests. */
    public static VersionsProcessusMoteur pour(ProcessEngine moteur) {
        return new VersionsProcessusMoteur(moteur.getRepositoryService(), moteur.getRuntimeService(), moteur.getManagementService());
    }

    /** « Process_VersementAnnuel » → « versement-annuel », the name of its BPMN file. */
    static String cleCourte(String cleMoteur) {
        String nom = cleMoteur.startsWith(PREFIXE_CLE) ? cleMoteur.substring(PREFIXE_CLE.length()) : cleMoteur;
        return nom.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    @Override
    public List<Processus> processus() {
        Map<String, Long> instances = new HashMap<>();
        for (ProcessDefinitionStatistics s : gestion.createProcessDefinitionStatisticsQuery().list()) {
            instances.put(s.getId(), (long) s.getInstances());
        }
        Map<String, Deployment> deploiements = new HashMap<>();
        for (Deployment d : depots.createDeploymentQuery().list()) {
            deploiements.put(d.getId(), d);
        }
        Map<String, List<Version>> parCle = new LinkedHashMap<>();
        Map<String, String> noms = new HashMap<>();
        for (ProcessDefinition d : depots.createProcessDefinitionQuery().withoutTenantId().orderByProcessDefinitionKey().asc()
                .orderByProcessDefinitionVersion().desc().list()) {
            Deployment dep = deploiements.get(d.getDeploymentId());
            parCle.computeIfAbsent(d.getKey(), k -> new ArrayList<>()).add(new Version(d.getId(), d.getVersion(), d.getVersionTag(),
                    d.getDeploymentId(), dep == null ? null : dep.getName(), dep == null || dep.getDeploymentTime() == null ? null
                            : dep.getDeploymentTime().toInstant(), instances.getOrDefault(d.getId(), 0L)));
            noms.putIfAbsent(d.getKey(), d.getName());
        }
        List<Processus> liste = new ArrayList<>();
        parCle.forEach((cle, versions) -> liste.add(new Processus(cleCourte(cle), cle, noms.get(cle), List.copyOf(versions))));
        liste.sort(Comparator.comparing(Processus::cle));
        return liste;
    }

    @Override
    public Optional<Processus> processus(String cle) {
        return processus().stream().filter(p -> p.cle().equals(cle) || p.cleMoteur().equals(cle)).findFirst();
    }

    @Override
    public Plan planifier(String cle, int source, int cible, Optional<List<String>> clesMetier) {
        Processus p = processus(cle).orElseThrow(() -> new IllegalArgumentException("processus inconnu : " + cle));
        Version vs = p.version(source).orElseThrow(() -> new IllegalArgumentException("version inconnue : " + source));
        Version vc = p.version(cible).orElseThrow(() -> new IllegalArgumentException("version inconnue : " + cible));
        BpmnModelInstance modeleSource = depots.getBpmnModelInstance(vs.definitionId());
        BpmnModelInstance modeleCible = depots.getBpmnModelInstance(vc.definitionId());
        List<Violation> erreurs = new ArrayList<>();

        List<MigrationInstruction> instructions;
        try {
            instructions = planMoteur(vs, vc).getInstructions();
        } catch (MigrationPlanValidationException e) {
            instructions = e.getValidationReport().getMigrationPlan().getInstructions();
            for (MigrationInstructionValidationReport r : e.getValidationReport().getInstructionReports()) {
                String activite = nom(modeleSource, r.getMigrationInstruction().getSourceActivityId());
                for (String echec : r.getFailures()) {
                    erreurs.add(new Violation("cible", "l'activité " + activite + " ne peut pas passer à la version " + cible + " : "
                            + EchecsMoteur.enFrancais(echec)));
                }
            }
            e.getValidationReport().getVariableReports().forEach((variable, r) -> r.getFailures().forEach(echec -> erreurs.add(
                    new Violation("cible", "la variable « " + variable + " » : " + EchecsMoteur.enFrancais(echec)))));
        }
        Set<String> mappees = new HashSet<>();
        List<Correspondance> correspondances = new ArrayList<>();
        for (MigrationInstruction i : instructions) {
            mappees.add(i.getSourceActivityId());
            correspondances.add(new Correspondance(i.getSourceActivityId(), libelle(modeleSource, i.getSourceActivityId()),
                    libelle(modeleCible, i.getTargetActivityId())));
        }
        List<String> sansCorrespondance = new ArrayList<>();
        for (FlowNode n : modeleSource.getModelElementsByType(FlowNode.class)) {
            if (attenteOuEvenement(n) && !mappees.contains(n.getId())) {
                sansCorrespondance.add(nom(modeleSource, n.getId()));
            }
        }
        erreurs.addAll(formulairesManquants(modeleCible, vc));

        List<Instance> instances = new ArrayList<>();
        for (ProcessInstance pi : instancesChoisies(vs, clesMetier, erreurs)) {
            List<Attente> attentes = attentes(pi.getId(), modeleSource);
            List<String> bloquees = attentes.stream().map(Attente::activite).filter(a -> !mappees.contains(a)).distinct()
                    .map(a -> nom(modeleSource, a)).toList();
            if (!bloquees.isEmpty()) {
                erreurs.add(new Violation("clesMetier", "l'instance « " + pi.getBusinessKey() + " » attend à " + String.join(", ", bloquees)
                        + ", sans correspondance dans la version " + cible + " : retirez-la de la liste, ou déployez une version qui garde "
                        + "cette activité"));
            }
            instances.add(new Instance(pi.getId(), pi.getBusinessKey(), attentes));
        }
        if (source == cible) {
            erreurs.add(0, new Violation("cible", "la version cible doit différer de la version source (" + source + ")"));
        }
        return new Plan(p.cle(), p.cleMoteur(), vs, vc, correspondances, sansCorrespondance, erreurs, instances);
    }

    @Override
    public String lancer(Plan plan) {
        if (!plan.valide()) {
            throw new IllegalStateException("plan de migration non valide");
        }
        return execution.newMigration(planMoteur(plan.source(), plan.cible()))
                .processInstanceIds(plan.instances().stream().map(Instance::id).toList())
                .executeAsync().getId();
    }

    @Override
    public Suivi suivre(String batchId, List<String> instances, String definitionCible) {
        int migrees = 0;
        int enCours = 0;
        // By slices: the ids go into an IN clause.
        for (int i = 0; i < instances.size(); i += 500) {
            Set<String> tranche = new HashSet<>(instances.subList(i, Math.min(instances.size(), i + 500)));
            ProcessInstanceQuery q = execution.createProcessInstanceQuery().processInstanceIds(tranche);
            enCours += (int) q.count();
            migrees += (int) execution.createProcessInstanceQuery().processInstanceIds(tranche).processDefinitionId(definitionCible).count();
        }
        int terminees = instances.size() - enCours;
        BatchStatistics stats = gestion.createBatchStatisticsQuery().batchId(batchId).singleResult();
        if (stats == null) {
            // The engine deletes a batch once every job of it succeeded.
            return new Suivi(Etat.TERMINE, migrees, enCours - migrees, terminees, 0, List.of());
        }
        List<String> messages = new ArrayList<>();
        for (Job j : gestion.createJobQuery().jobDefinitionId(stats.getBatchJobDefinitionId()).withException().list()) {
            messages.add("échec d'un lot de migration (" + (j.getRetries() == 0 ? "incident ouvert, relançable dans Cockpit" : j.getRetries()
                    + " essai(s) restant(s)") + ") : " + EchecsMoteur.enFrancais(j.getExceptionMessage()));
        }
        Etat etat = stats.getFailedJobs() > 0 && stats.getRemainingJobs() <= stats.getFailedJobs() ? Etat.EN_ECHEC : Etat.EN_COURS;
        return new Suivi(etat, migrees, enCours - migrees, terminees, stats.getFailedJobs(), messages);
    }

    private MigrationPlan planMoteur(Version source, Version cible) {
        return execution.createMigrationPlan(source.definitionId(), cible.definitionId()).mapEqualActivities().build();
    }

    private List<ProcessInstance> instancesChoisies(Version source, Optional<List<String>> clesMetier, List<Violation> erreurs) {
        if (clesMetier.isEmpty()) {
            return execution.createProcessInstanceQuery().processDefinitionId(source.definitionId()).orderByBusinessKey().asc().list();
        }
        List<ProcessInstance> choisies = new ArrayList<>();
        for (String cle : new LinkedHashSet<>(clesMetier.get())) {
            List<ProcessInstance> trouvees = execution.createProcessInstanceQuery().processDefinitionId(source.definitionId())
                    .processInstanceBusinessKey(cle).list();
            if (trouvees.isEmpty()) {
                erreurs.add(new Violation("clesMetier", "aucune instance en cours de la version " + source.version() + " pour « " + cle + " »"));
            }
            choisies.addAll(trouvees);
        }
        return choisies;
    }

    /** The activities an instance waits in: its leaves, and its jobs before or after an activity (asynchronous continuations). */
    private List<Attente> attentes(String instanceId, BpmnModelInstance modele) {
        Set<Attente> attentes = new LinkedHashSet<>();
        ActivityInstance racine = execution.getActivityInstance(instanceId);
        if (racine != null) {
            feuilles(racine, modele, attentes);
        }
        return List.copyOf(attentes);
    }

    private static void feuilles(ActivityInstance a, BpmnModelInstance modele, Set<Attente> attentes) {
        for (TransitionInstance t : a.getChildTransitionInstances()) {
            String id = t.getActivityId().replace(CORPS_MULTI_INSTANCE, "");
            attentes.add(new Attente(id, libelle(modele, id), true));
        }
        if (a.getChildActivityInstances().length == 0 && a.getChildTransitionInstances().length == 0 && a.getParentActivityInstanceId() != null) {
            String id = a.getActivityId().replace(CORPS_MULTI_INSTANCE, "");
            attentes.add(new Attente(id, libelle(modele, id), false));
        }
        for (ActivityInstance enfant : a.getChildActivityInstances()) {
            feuilles(enfant, modele, attentes);
        }
    }

    /**
     * Where an instance can wait (a task, a message, a timer, a called process, a job before or after
     * an activity) or an event can fire on a waiting instance: what a migration must find again in the
     * target. A plain service task or an error boundary event holds nothing between two transactions.
     */
    private static boolean attenteOuEvenement(FlowNode n) {
        if (asynchrone(n) || n instanceof Activity a && a.getLoopCharacteristics() != null) {
            return true;
        }
        if (n instanceof SubProcess s) {
            return !s.triggeredByEvent();
        }
        if (n instanceof BoundaryEvent b) {
            return declencheur(b.getEventDefinitions());
        }
        if (n instanceof StartEvent s) {
            return s.getParentElement() instanceof SubProcess sp && sp.triggeredByEvent() && declencheur(s.getEventDefinitions());
        }
        return n instanceof UserTask || n instanceof ReceiveTask || n instanceof CallActivity || n instanceof IntermediateCatchEvent
                || n instanceof EventBasedGateway;
    }

    private static boolean asynchrone(FlowNode n) {
        return "true".equals(n.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "asyncBefore"))
                || "true".equals(n.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "asyncAfter"));
    }

    /** A timer, message, signal or condition waits on the instance; an error, escalation or compensation does not. */
    private static boolean declencheur(java.util.Collection<EventDefinition> definitions) {
        return definitions.stream().anyMatch(d -> d instanceof TimerEventDefinition || d instanceof MessageEventDefinition
                || d instanceof SignalEventDefinition || d instanceof ConditionalEventDefinition);
    }

    /**
     * The user tasks of the target whose form is bound to the target's deployment: each form must be in
     * that deployment, or the migrated task (and any new one) would not find it.
     */
    private List<Violation> formulairesManquants(BpmnModelInstance modele, Version cible) {
        Set<String> deployes = formulairesDuDeploiement(cible.deploiementId());
        List<Violation> manquants = new ArrayList<>();
        for (UserTask t : modele.getModelElementsByType(UserTask.class)) {
            String ref = t.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "formRef");
            String liaison = t.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "formRefBinding");
            if (ref != null && "deployment".equals(liaison) && !deployes.contains(ref)) {
                manquants.add(new Violation("cible", "la tâche " + nom(modele, t.getId()) + " cherche son formulaire « " + ref
                        + " » dans le déploiement de la version " + cible.version() + ", qui ne le contient pas : déployez les formulaires "
                        + "(forms/) avec le modèle"));
            }
        }
        return manquants;
    }

    private Set<String> formulairesDuDeploiement(String deploiementId) {
        Set<String> ids = new HashSet<>();
        for (String ressource : depots.getDeploymentResourceNames(deploiementId)) {
            if (ressource.endsWith(".form")) {
                try (InputStream in = depots.getResourceAsStream(deploiementId, ressource)) {
                    String id = JSON.readTree(in).path("id").asText("");
                    if (!id.isEmpty()) {
                        ids.add(id);
                    }
                } catch (IOException | RuntimeException e) {
                    // An unreadable form is one the engine cannot serve either: it counts as missing.
                }
            }
        }
        return ids;
    }

    /** « Instruire le dossier » (UserTask_InstruireDossier). */
    private static String libelle(BpmnModelInstance modele, String id) {
        if (id.endsWith(CORPS_MULTI_INSTANCE)) {
            return libelle(modele, id.substring(0, id.length() - CORPS_MULTI_INSTANCE.length())) + " (ensemble des instances)";
        }
        FlowNode n = modele.getModelElementById(id);
        String nom = n == null ? null : n.getName();
        return nom == null || nom.isBlank() ? id : nom.replaceAll("\\s+", " ").strip();
    }

    /** « « Instruire le dossier » (UserTask_InstruireDossier) ». */
    private static String nom(BpmnModelInstance modele, String id) {
        String libelle = libelle(modele, id);
        return libelle.equals(id) ? "« " + id + " »" : "« " + libelle + " » (" + id + ")";
    }

    /** The engine's validation failures are English: the known ones in French, the others introduced as the engine's words. */
    static final class EchecsMoteur {

        private static final Map<Pattern, String> CONNUS = new LinkedHashMap<>();

        static {
            CONNUS.put(Pattern.compile("(?i).*not supported by migration.*"), "ce type d'activité ne se migre pas");
            CONNUS.put(Pattern.compile("(?i).*Activities have incompatible types.*"), "l'activité cible n'est pas du même type");
            CONNUS.put(Pattern.compile("(?i).*must have the same.*event.*|(?i).*events? .*not compatible.*"),
                    "l'événement cible n'est pas du même genre");
            CONNUS.put(Pattern.compile("(?i).*parent.*(scope|activity).*"), "l'activité a changé de sous-processus englobant");
            CONNUS.put(Pattern.compile("(?i).*multiple.*(source|target).*"), "plusieurs activités se disputent la même correspondance");
            CONNUS.put(Pattern.compile("(?i).*is not mapped.*|(?i).*no migration instruction.*|(?i).*no instruction.*"),
                    "l'activité en cours n'a pas de correspondance dans la version cible");
            CONNUS.put(Pattern.compile("(?i).*(process definition|processInstance).*(does not match|mismatch).*"),
                    "l'instance n'est plus sur la version source du plan (déjà migrée ?)");
            CONNUS.put(Pattern.compile("(?i).*(suspended|is suspended).*"), "l'instance est suspendue");
            CONNUS.put(Pattern.compile("(?i).*OptimisticLocking.*|(?i).*was updated by another transaction.*"),
                    "l'instance a été modifiée en même temps : relancez le lot dans Cockpit");
        }

        private EchecsMoteur() {
        }

        static String enFrancais(String message) {
            if (message == null || message.isBlank()) {
                return "raison non donnée par le moteur";
            }
            String ligne = message.lines().findFirst().orElse(message).strip();
            for (Map.Entry<Pattern, String> e : CONNUS.entrySet()) {
                Matcher m = e.getKey().matcher(ligne);
                if (m.matches()) {
                    return e.getValue();
                }
            }
            return "refus du moteur (texte d'origine, en anglais : « " + (ligne.length() > 300 ? ligne.substring(0, 300) + "…" : ligne) + " »)";
        }
    }
}
