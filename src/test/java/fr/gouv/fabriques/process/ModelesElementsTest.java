package fr.gouv.fabriques.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

/**
 * The Modeler's element templates (bpmn/.camunda/element-templates, where Camunda Modeler looks for a
 * project's templates) and the models agree: every template names a bean of the process package, and
 * every service task, every user task with a task listener and every element with an execution listener
 * of bpmn/ carries a template (camunda:modelerTemplate and its version) whose fixed values it holds.
 * Read from the files, without Spring or an engine.
 */
class ModelesElementsTest {

    static final Path GABARITS = Path.of("bpmn/.camunda/element-templates");
    static final String SCHEMA = "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    static final Map<String, JsonNode> gabarits = new HashMap<>();
    static final Map<Path, BpmnModelInstance> modeles = new HashMap<>();
    static final Set<String> beans = new HashSet<>();

    @BeforeAll
    static void charger() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> fichiers = Files.list(GABARITS)) {
            for (Path p : fichiers.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode lu = json.readTree(p.toFile());
                for (JsonNode g : lu.isArray() ? lu : List.of(lu)) {
                    assertThat(gabarits.put(g.path("id").asText(), g)).as(p + " : identifiant " + g.path("id") + " en double").isNull();
                }
            }
        }
        try (Stream<Path> fichiers = Files.list(Path.of("bpmn"))) {
            for (Path p : fichiers.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                modeles.put(p, Bpmn.readModelFromFile(p.toFile()));
            }
        }
        // The beans Spring creates from the process package, named as Spring names them.
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
        assertThat(gabarits).as("modèles d'éléments sous " + GABARITS).hasSizeGreaterThan(30);
    }

    @Test
    void chaqueGabaritEstCompletEtNommeUnBeanQuiExiste() {
        gabarits.forEach((id, g) -> {
            String ou = "modèle d'élément " + id;
            assertThat(g.path("$schema").asText()).as(ou + " : $schema").isEqualTo(SCHEMA);
            assertThat(id).as(ou).startsWith("fabriques.");
            assertThat(g.path("name").asText()).as(ou + " : nom").isNotBlank();
            assertThat(g.path("version").isInt()).as(ou + " : version").isTrue();
            assertThat(g.path("description").asText()).as(ou + " : description (entrées, variables)").contains("Lit :").contains("Écrit :");
            assertThat(g.path("appliesTo")).as(ou + " : appliesTo").isNotEmpty();
            String bean = g.path("metadata").path("bean").asText();
            assertThat(beans).as(ou + " : bean « " + bean + " » (process/, @Component ou @Bean)").contains(bean);
            for (String expression : expressionsDeleguees(g)) {
                assertThat(expression).as(ou).matches("#\\{[A-Za-z][A-Za-z0-9]*\\}");
                assertThat(beans).as(ou + " : bean de " + expression).contains(expression.substring(2, expression.length() - 1));
            }
            assertThat(expressionsDeleguees(g)).as(ou + " : délégué ou écouteur").isNotEmpty().contains("#{" + bean + "}");
        });
    }

    @Test
    void chaqueTacheEtChaqueEcouteurUtiliseUnGabaritAuquelIlEstConforme() {
        List<String> ecarts = new ArrayList<>();
        Set<String> utilises = new HashSet<>();
        modeles.forEach((fichier, modele) -> {
            Set<BaseElement> attendus = new HashSet<>(modele.getModelElementsByType(ServiceTask.class));
            for (UserTask t : modele.getModelElementsByType(UserTask.class)) {
                if (!ecouteursDeTache(t).isEmpty()) {
                    attendus.add(t);
                }
            }
            for (CamundaExecutionListener l : modele.getModelElementsByType(CamundaExecutionListener.class)) {
                attendus.add((BaseElement) l.getParentElement().getParentElement());
            }
            for (BaseElement e : modele.getModelElementsByType(BaseElement.class)) {
                String id = e.getAttributeValueNs(CAMUNDA, "modelerTemplate");
                String ou = fichier + " " + e.getId();
                if (id == null) {
                    if (attendus.contains(e)) {
                        ecarts.add(ou + " : aucun modèle d'élément (camunda:modelerTemplate)");
                    }
                    continue;
                }
                JsonNode g = gabarits.get(id);
                if (g == null) {
                    ecarts.add(ou + " : modèle d'élément « " + id + " » inconnu");
                    continue;
                }
                utilises.add(id);
                conforme(ou, e, g, ecarts);
            }
        });
        assertThat(ecarts).as("éléments sans modèle d'élément ou qui s'en écartent").isEmpty();
        assertThat(utilises).as("modèles d'éléments utilisés par bpmn/").containsExactlyInAnyOrderElementsOf(gabarits.keySet());
    }

    private static void conforme(String ou, BaseElement e, JsonNode g, List<String> ecarts) {
        String version = e.getAttributeValueNs(CAMUNDA, "modelerTemplateVersion");
        if (!g.path("version").asText().equals(version)) {
            ecarts.add(ou + " : version du modèle d'élément " + version + ", attendue " + g.path("version").asText());
        }
        String type = "bpmn:" + Character.toUpperCase(e.getElementType().getTypeName().charAt(0)) + e.getElementType().getTypeName().substring(1);
        List<String> cibles = new ArrayList<>();
        g.path("appliesTo").forEach(a -> cibles.add(a.asText()));
        if (!cibles.contains(type)) {
            ecarts.add(ou + " : " + type + " hors de appliesTo " + cibles);
        }
        for (JsonNode p : g.path("properties")) {
            JsonNode liaison = p.path("binding");
            String valeur = p.path("value").asText(null);
            switch (liaison.path("type").asText()) {
                case "property" -> {
                    String nom = liaison.path("name").asText();
                    String lu = nom.startsWith("camunda:") ? e.getAttributeValueNs(CAMUNDA, nom.substring("camunda:".length())) : e.getAttributeValue(nom);
                    if (valeur != null && !valeur.equals(lu)) {
                        ecarts.add(ou + " : " + nom + " = « " + lu + " », le modèle d'élément fixe « " + valeur + " »");
                    }
                }
                case "camunda:executionListener" -> {
                    String evenement = liaison.path("event").asText();
                    boolean present = e.getChildElementsByType(org.camunda.bpm.model.bpmn.instance.ExtensionElements.class).stream()
                            .flatMap(x -> x.getElementsQuery().filterByType(CamundaExecutionListener.class).list().stream())
                            .anyMatch(l -> evenement.equals(l.getCamundaEvent()) && valeur.equals(l.getCamundaDelegateExpression()));
                    if (!present) {
                        ecarts.add(ou + " : écouteur d'exécution " + valeur + " (" + evenement + ") absent");
                    }
                }
                default -> ecarts.add(ou + " : liaison " + liaison.path("type").asText() + " non vérifiée par ce test");
            }
        }
        if (e instanceof UserTask t) {
            List<String> attendus = new ArrayList<>();
            g.path("metadata").path("ecouteursDeTache").forEach(l -> attendus.add(l.path("evenement").asText() + " " + l.path("delegateExpression").asText()));
            if (!ecouteursDeTache(t).equals(attendus)) {
                ecarts.add(ou + " : écouteurs de tâche " + ecouteursDeTache(t) + ", le modèle d'élément attend " + attendus);
            }
        }
    }

    private static List<String> ecouteursDeTache(UserTask t) {
        List<String> l = new ArrayList<>();
        if (t.getExtensionElements() != null) {
            for (ModelElementInstance x : t.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list()) {
                CamundaTaskListener e = (CamundaTaskListener) x;
                l.add(e.getCamundaEvent() + " " + e.getCamundaDelegateExpression());
            }
        }
        return l;
    }

    /** The delegate expressions a template sets: a hidden property or execution listener, and the task listeners it asks for. */
    static List<String> expressionsDeleguees(JsonNode g) {
        List<String> l = new ArrayList<>();
        for (JsonNode p : g.path("properties")) {
            String type = p.path("binding").path("type").asText();
            if ("camunda:executionListener".equals(type) || "camunda:delegateExpression".equals(p.path("binding").path("name").asText())) {
                l.add(p.path("value").asText());
            }
        }
        g.path("metadata").path("ecouteursDeTache").forEach(e -> l.add(e.path("delegateExpression").asText()));
        return l;
    }
}
