package fr.gouv.fabriques.process.deploiement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.beans.Introspector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.ClassUtils;

/**
 * The rules of a deployment, from what the project declares: the delegate beans are those of the Modeler's
 * element templates (bpmn/.camunda/element-templates, copied to the classpath with bpmn/), the beans the
 * expressions may call are those annotated {@link ExposeAuxModeles}, the variables are
 * {@link ExpressionsDesModeles#VARIABLES}.
 */
@Configuration(proxyBeanMethods = false)
class DeploiementsSursConfiguration {

    static final String GABARITS = "classpath*:bpmn/.camunda/element-templates/*.json";

    @Bean
    DeploiementsSursPlugin deploiementsSursPlugin(ListableBeanFactory beans) {
        // Resolved at the first deployment: by then every bean definition is known (types only, nothing instantiated).
        Supplier<ReglesDeploiement> regles = new Supplier<>() {
            private volatile ReglesDeploiement lues;

            @Override
            public ReglesDeploiement get() {
                if (lues == null) {
                    lues = new ReglesDeploiement(delegues(), new ExpressionsDesModeles(beansExposes(beans), ExpressionsDesModeles.VARIABLES));
                }
                return lues;
            }
        };
        return new DeploiementsSursPlugin(regles);
    }

    /** The beans the element templates set as delegates or listeners ({@code #{bean}}). */
    static Set<String> delegues() {
        Set<String> noms = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources(GABARITS)) {
                try (InputStream in = r.getInputStream()) {
                    JsonNode lu = json.readTree(in);
                    for (JsonNode g : lu.isArray() ? lu : List.of(lu)) {
                        noms.addAll(delegues(g));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (noms.isEmpty()) {
            throw new IllegalStateException("Aucun modèle d'élément sous " + GABARITS + " : aucun délégué ne serait permis");
        }
        return noms;
    }

    static Set<String> delegues(JsonNode gabarit) {
        Set<String> noms = new TreeSet<>();
        for (JsonNode p : gabarit.path("properties")) {
            JsonNode liaison = p.path("binding");
            if ("camunda:executionListener".equals(liaison.path("type").asText()) || "camunda:delegateExpression".equals(liaison.path("name").asText())) {
                bean(p.path("value").asText(), noms);
            }
        }
        gabarit.path("metadata").path("ecouteursDeTache").forEach(e -> bean(e.path("delegateExpression").asText(), noms));
        return noms;
    }

    private static void bean(String expression, Set<String> noms) {
        if (expression.matches("[#$]\\{[A-Za-z][A-Za-z0-9]*\\}")) {
            noms.add(expression.substring(2, expression.length() - 1));
        }
    }

    /** Each bean annotated {@link ExposeAuxModeles} and the public members its class declares. */
    static Map<String, Set<String>> beansExposes(ListableBeanFactory beans) {
        Map<String, Set<String>> exposes = new HashMap<>();
        // By the definitions' types, without creating a bean or initialising a factory bean: this runs while
        // the engine deploys the application's models, inside the context's start.
        for (String nom : beans.getBeanDefinitionNames()) {
            Class<?> type = beans.getType(nom, false);
            if (type != null && AnnotatedElementUtils.hasAnnotation(ClassUtils.getUserClass(type), ExposeAuxModeles.class)) {
                exposes.put(nom, membres(ClassUtils.getUserClass(type)));
            }
        }
        return exposes;
    }

    /** Public instance methods the class declares, by name, and the properties its getters give. */
    static Set<String> membres(Class<?> classe) {
        Set<String> membres = new TreeSet<>();
        for (Method m : classe.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers()) || m.isSynthetic() || m.isBridge()) {
                continue;
            }
            membres.add(m.getName());
            if (m.getParameterCount() == 0 && m.getName().startsWith("get") && m.getName().length() > 3) {
                membres.add(Introspector.decapitalize(m.getName().substring(3)));
            } else if (m.getParameterCount() == 0 && m.getName().startsWith("is") && m.getName().length() > 2) {
                membres.add(Introspector.decapitalize(m.getName().substring(2)));
            }
        }
        return membres;
    }
}
