package fr.gouv.fabriques.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.fabriques.process.identite.DefinitionGroupe;
import fr.gouv.fabriques.process.identite.Groupes;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.stereotype.Controller;

/** Every endpoint of /api/agents/** and every page of /agents/** names its groups, and only groups that exist. */
class GroupesAutorisesTest {

    @Test
    void chaquePointDAccesAgentsDeclareDesGroupesExistants() throws ClassNotFoundException {
        Set<String> existants = Groupes.tous().stream().map(DefinitionGroupe::id).collect(Collectors.toSet());
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        List<String> points = new ArrayList<>();
        for (var candidat : scan.findCandidateComponents("fr.gouv.fabriques.web")) {
            Class<?> type = Class.forName(candidat.getBeanClassName());
            RequestMapping base = AnnotatedElementUtils.findMergedAnnotation(type, RequestMapping.class);
            String prefixe = base == null || base.path().length == 0 ? "" : base.path()[0];
            for (Method m : type.getDeclaredMethods()) {
                RequestMapping rm = AnnotatedElementUtils.findMergedAnnotation(m, RequestMapping.class);
                if (rm == null) {
                    continue;
                }
                String chemin = prefixe + (rm.path().length == 0 ? "" : rm.path()[0]);
                if (!chemin.startsWith("/api/agents/") && !chemin.startsWith("/agents/")) {
                    continue;
                }
                points.add(chemin);
                GroupesAutorises g = m.getAnnotation(GroupesAutorises.class) != null ? m.getAnnotation(GroupesAutorises.class)
                        : type.getAnnotation(GroupesAutorises.class);
                assertThat(g).as(chemin + " déclare ses groupes").isNotNull();
                assertThat(existants).as(chemin).containsAll(Arrays.asList(g.value()));
                assertThat(g.value()).as(chemin + " : jamais les porteurs").doesNotContain(Groupes.PORTEURS);
            }
        }
        assertThat(points).contains("/api/agents/moi", "/api/agents/dossiers/{numero}", "/agents/dossiers/{numero}");
    }
}
