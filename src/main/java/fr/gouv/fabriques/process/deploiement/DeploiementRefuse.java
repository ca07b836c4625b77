package fr.gouv.fabriques.process.deploiement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A deployment refused by {@link ReglesDeploiement}. A {@link ParseException}, so that the engine's REST
 * answers it as it answers an invalid model: 400, the message (French, listing every problem) and a report
 * per resource ({@code details}: message and element id of each problem), which the Modeler shows.
 */
public class DeploiementRefuse extends ParseException {

    private final transient List<ResourceReport> rapports;
    private final transient List<ProblemeDeploiement> problemes;

    public DeploiementRefuse(List<ProblemeDeploiement> problemes) {
        super(message(problemes), problemes.get(0).ressource(), List.of(), List.of());
        this.problemes = List.copyOf(problemes);
        Map<String, List<Problem>> parRessource = new LinkedHashMap<>();
        for (ProblemeDeploiement p : problemes) {
            parRessource.computeIfAbsent(p.ressource(), r -> new ArrayList<>()).add(p);
        }
        List<ResourceReport> r = new ArrayList<>();
        parRessource.forEach((ressource, erreurs) -> r.add(new Rapport(ressource, List.copyOf(erreurs))));
        this.rapports = List.copyOf(r);
    }

    public List<ProblemeDeploiement> problemes() {
        return problemes;
    }

    @Override
    public List<ResourceReport> getResorceReports() {
        return rapports;
    }

    static String message(List<ProblemeDeploiement> problemes) {
        StringBuilder s = new StringBuilder("Déploiement refusé par les règles du projet (")
                .append(problemes.size()).append(problemes.size() == 1 ? " problème" : " problèmes").append(") : ");
        for (int i = 0; i < problemes.size(); i++) {
            s.append(i == 0 ? "" : " ; ").append(problemes.get(i).texte());
        }
        return s.append(". Rien n'a été déployé.").toString();
    }

    private record Rapport(String ressource, List<Problem> erreurs) implements ResourceReport {
        @Override
        public String getResourceName() {
            return ressource;
        }

        @Override
        public List<Problem> getErrors() {
            return erreurs;
        }

        @Override
        public List<Problem> getWarnings() {
            return List.of();
        }
    }
}
