package fr.gouv.fabriques.process.deploiement;

import java.util.List;
import org.camunda.bpm.engine.Problem;

/**
 * One reason a deployment is refused, in French: the resource, the element (id, when there is one) and
 * what is wrong. A {@link Problem}, so that the engine's REST answers it in the deployment report
 * ({@code details}) as it does its own parse errors.
 */
public record ProblemeDeploiement(String ressource, String element, String message) implements Problem {

    /** « dossier.bpmn, « ServiceTask_X » : message ». */
    public String texte() {
        return ressource + (element == null ? "" : ", « " + element + " »") + " : " + message;
    }

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public int getLine() {
        return 0;
    }

    @Override
    public int getColumn() {
        return 0;
    }

    @Override
    public String getMainElementId() {
        return element;
    }

    @Override
    public List<String> getElementIds() {
        return element == null ? List.of() : List.of(element);
    }
}
