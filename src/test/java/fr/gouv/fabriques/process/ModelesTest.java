package fr.gouv.fabriques.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gouv.fabriques.process.commun.Variables;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;

/**
 * What an analyst's edit or a renamed class could break without any process test
 * noticing: every delegate and listener bean named by a model exists, every formRef
 * names a form of forms/, every candidate group is a role, every called process and
 * decision exists, every process and decision has a history time to live, and every
 * element is drawn.
 */
class ModelesTest {

    static final Set<String> ROLES = Set.of("porteurs", "instructeurs", "referents-territoriaux", "comite-selection",
            "gestionnaires", "service-financier", "analystes", "camunda-admin");
    static final Pattern EXPRESSION_BEAN = Pattern.compile("[#$]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");

    static Map<Path, BpmnModelInstance> bpmn = new HashMap<>();
    static Map<Path, DmnModelInstance> dmn = new HashMap<>();
    static Set<String> formulaires = new HashSet<>();
    static Set<String> beans = new HashSet<>();

    @BeforeAll
    static void charger() throws IOException {
        try (Stream<Path> fichiers = Files.list(Path.of("bpmn"))) {
            for (Path p : fichiers.toList()) {
                if (p.toString().endsWith(".bpmn")) {
                    bpmn.put(p, Bpmn.readModelFromFile(p.toFile()));
                } else if (p.toString().endsWith(".dmn")) {
                    dmn.put(p, Dmn.readModelFromFile(p.toFile()));
                }
            }
        }
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> fichiers = Files.list(Path.of("forms"))) {
            for (Path p : fichiers.filter(f -> f.toString().endsWith(".form")).toList()) {
                try (InputStream in = Files.newInputStream(p)) {
                    JsonNode form = json.readTree(in);
                    formulaires.add(form.get("id").asText());
                }
            }
        }
        // The beans Spring would create from the process package, named as Spring names them.
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(true);
        AnnotationBeanNameGenerator noms = new AnnotationBeanNameGenerator();
        SimpleBeanDefinitionRegistry registre = new SimpleBeanDefinitionRegistry();
        for (BeanDefinition d : scan.findCandidateComponents("fr.gouv.fabriques.process")) {
            beans.add(noms.generateBeanName(d, registre));
            try {
                for (Method m : Class.forName(d.getBeanClassName()).getDeclaredMethods()) {
                    Bean b = m.getAnnotation(Bean.class);
                    if (b != null) {
                        beans.addAll(b.name().length > 0 ? List.of(b.name()) : List.of(m.getName()));
                    }
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(bpmn).as("modèles BPMN de bpmn/").isNotEmpty();
    }

    @Test
    void chaqueBeanNommeParUnModeleExiste() {
        List<String> manquants = new ArrayList<>();
        bpmn.forEach((fichier, modele) -> {
            for (ServiceTask t : modele.getModelElementsByType(ServiceTask.class)) {
                verifierBean(fichier, t.getId(), t.getCamundaDelegateExpression(), manquants);
                assertThat(t.getCamundaDelegateExpression()).as(fichier + " " + t.getId() + " : delegateExpression").isNotBlank();
            }
            for (CamundaTaskListener l : modele.getModelElementsByType(CamundaTaskListener.class)) {
                verifierBean(fichier, "taskListener", l.getCamundaDelegateExpression(), manquants);
            }
            for (CamundaExecutionListener l : modele.getModelElementsByType(CamundaExecutionListener.class)) {
                verifierBean(fichier, "executionListener", l.getCamundaDelegateExpression(), manquants);
            }
            for (UserTask t : modele.getModelElementsByType(UserTask.class)) {
                verifierBean(fichier, t.getId() + " dueDate", t.getCamundaDueDate(), manquants);
            }
            // Timers and conditions may name beans too (${delais.complements}).
            for (org.camunda.bpm.model.bpmn.instance.TimeDuration d : modele.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.TimeDuration.class)) {
                verifierBean(fichier, "timer", d.getTextContent(), manquants);
            }
        });
        assertThat(manquants).as("beans introuvables").isEmpty();
    }

    private void verifierBean(Path fichier, String ou, String expression, List<String> manquants) {
        if (expression == null) {
            return;
        }
        Matcher m = EXPRESSION_BEAN.matcher(expression);
        while (m.find()) {
            String nom = m.group(1);
            if (!beans.contains(nom) && !Set.of("execution", "task", "dateEcheance").contains(nom)) {
                manquants.add(fichier + " " + ou + " : " + nom);
            }
        }
    }

    @Test
    void chaqueTacheUtilisateurAUnFormulaireEtDesGroupesDuDomaine() {
        bpmn.forEach((fichier, modele) -> {
            for (UserTask t : modele.getModelElementsByType(UserTask.class)) {
                String ou = fichier + " " + t.getId();
                assertThat(t.getName()).as(ou + " : nom français").isNotBlank();
                assertThat(t.getCamundaFormRef()).as(ou + " : formRef").isIn(formulaires);
                assertThat(t.getCamundaFormRefBinding()).as(ou + " : formRefBinding").isEqualTo("deployment");
                assertThat(t.getCamundaCandidateGroups()).as(ou + " : candidateGroups").isNotBlank();
                for (String g : t.getCamundaCandidateGroupsList()) {
                    assertThat(ROLES.contains(g) || g.equals("referents-${departement}"))
                            .as(ou + " : groupe « " + g + " » hors des rôles du programme (process/identite/Groupes)").isTrue();
                }
                assertThat(t.getCamundaDueDate()).as(ou + " : échéance").isNotBlank();
            }
        });
    }

    @Test
    void chaqueProcessusAppeleEtChaqueDecisionExistent() {
        Set<String> processus = new HashSet<>();
        bpmn.values().forEach(m -> m.getModelElementsByType(Process.class).forEach(p -> processus.add(p.getId())));
        Set<String> decisions = new HashSet<>();
        dmn.values().forEach(m -> m.getModelElementsByType(Decision.class).forEach(d -> decisions.add(d.getId())));
        bpmn.forEach((fichier, modele) -> {
            for (CallActivity c : modele.getModelElementsByType(CallActivity.class)) {
                assertThat(c.getCalledElement()).as(fichier + " " + c.getId()).isIn(processus);
            }
            for (BusinessRuleTask b : modele.getModelElementsByType(BusinessRuleTask.class)) {
                assertThat(b.getCamundaDecisionRef()).as(fichier + " " + b.getId()).isIn(decisions);
            }
        });
        // Decisions evaluated from Java (through the RegleEligibilite port).
        assertThat(decisions).contains("Decision_Eligibilite");
    }

    /**
     * A called process receives the dossier's five variables and what it reads, each named (doc/adr/0023): « all » would copy
     * every variable of the caller, a row and a historic variable each, at every call.
     */
    @Test
    void chaqueProcessusAppeleRecoitDesVariablesNommeesDontCellesDuDossier() {
        bpmn.forEach((fichier, modele) -> {
            for (CallActivity c : modele.getModelElementsByType(CallActivity.class)) {
                List<CamundaIn> entrees = c.getExtensionElements() == null ? List.of()
                        : c.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list();
                assertThat(entrees).as(fichier + " " + c.getId() + " : variables transmises").noneMatch(e -> e.getCamundaVariables() != null);
                assertThat(entrees.stream().filter(e -> e.getCamundaSource() != null && e.getCamundaSource().equals(e.getCamundaTarget()))
                        .map(CamundaIn::getCamundaSource))
                        .as(fichier + " " + c.getId() + " : variables du dossier").containsAll(Variables.DU_DOSSIER);
            }
        });
    }

    /** The descriptor classes name what the models hold: an element id that no longer exists fails here, not in production. */
    @Test
    void lesDescripteursNommentDesElementsQuiExistent() throws IllegalAccessException {
        Set<String> ids = new HashSet<>();
        Set<String> processus = new HashSet<>();
        Set<String> messages = new HashSet<>();
        bpmn.values().forEach(m -> {
            m.getModelElementsByType(BaseElement.class).forEach(e -> ids.add(e.getId()));
            m.getModelElementsByType(Process.class).forEach(p -> processus.add(p.getId()));
            m.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Message.class).forEach(msg -> messages.add(msg.getName()));
        });
        List<Class<?>> descripteurs = List.of(fr.gouv.fabriques.process.dossier.DossierProcess.class,
                fr.gouv.fabriques.process.instruction.InstructionProcess.class, fr.gouv.fabriques.process.comite.ComiteVagueProcess.class,
                fr.gouv.fabriques.process.comite.DecisionComiteProcess.class, fr.gouv.fabriques.process.convention.ConventionProcess.class,
                fr.gouv.fabriques.process.versement.VersementProcess.class, fr.gouv.fabriques.process.avenant.AvenantProcess.class);
        int verifies = 0;
        for (Class<?> d : descripteurs) {
            for (java.lang.reflect.Field f : d.getDeclaredFields()) {
                if (f.getType() != String.class || !java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                String nom = f.getName();
                String valeur = (String) f.get(null);
                String ou = d.getSimpleName() + "." + nom;
                if (nom.startsWith("CLE")) {
                    assertThat(processus).as(ou).contains(valeur);
                } else if (nom.startsWith("MESSAGE_")) {
                    assertThat(messages).as(ou).contains(valeur);
                } else if (nom.startsWith("FICHIER")) {
                    assertThat(bpmn.keySet()).as(ou).contains(Path.of(valeur));
                } else if (nom.matches("(TACHE|FIN|CALL|ATTENTE|DELAI|TIMER)_.*")) {
                    assertThat(ids).as(ou).contains(valeur);
                } else {
                    continue;
                }
                verifies++;
            }
        }
        assertThat(verifies).isGreaterThan(40);
    }

    @Test
    void chaqueProcessusEtDecisionAUneDureeDeConservation() {
        bpmn.forEach((fichier, modele) -> modele.getModelElementsByType(Process.class).forEach(p ->
                assertThat(p.getCamundaHistoryTimeToLiveString()).as(fichier + " " + p.getId() + " historyTimeToLive").isNotBlank()));
        dmn.forEach((fichier, modele) -> modele.getModelElementsByType(Decision.class).forEach(d ->
                assertThat(d.getCamundaHistoryTimeToLiveString()).as(fichier + " " + d.getId() + " historyTimeToLive").isNotBlank()));
    }

    @Test
    void chaqueElementEstDessine() {
        bpmn.forEach((fichier, modele) -> {
            Set<String> dessines = new HashSet<>();
            modele.getModelElementsByType(BpmnShape.class).forEach(s -> dessines.add(((BaseElement) s.getBpmnElement()).getId()));
            modele.getModelElementsByType(BpmnEdge.class).forEach(e -> dessines.add(((BaseElement) e.getBpmnElement()).getId()));
            for (FlowElement e : modele.getModelElementsByType(FlowElement.class)) {
                if (e instanceof FlowNode || e instanceof SequenceFlow) {
                    assertThat(dessines).as(fichier + " : " + e.getId() + " sans forme dans le diagramme").contains(e.getId());
                }
            }
            for (Process p : modele.getModelElementsByType(Process.class)) {
                assertThat(modele.getDocumentElement().getAttributeValueNs("http://camunda.org/schema/modeler/1.0", "executionPlatformVersion"))
                        .as(fichier + " executionPlatformVersion").isEqualTo("7.24.0");
                assertThat(p.isExecutable()).isTrue();
            }
        });
    }
}
