package fr.gouv.fabriques.integration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.RepositoryService;

/**
 * For a test that needs the eligibility table to say something else for a while (doc/adr/0007):
 * deploys bpmn/eligibilite.dmn changed, runs the action, then deploys it again as committed, so
 * that the other tests of the shared engine find the table they expect.
 */
final class TableEligibilite {

    /** The committed table's list of admitted legal forms begins so: replace it to admit or exclude one. */
    static final String FORMES_ADMISES = "not(\"ASSOCIATION\",\"SCIC\",";

    private TableEligibilite() {
    }

    static String originale() {
        try {
            return Files.readString(Path.of("bpmn/eligibilite.dmn"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void pendant(RepositoryService repository, UnaryOperator<String> modification, Runnable action) {
        deployer(repository, modification.apply(originale()));
        try {
            action.run();
        } finally {
            deployer(repository, originale());
        }
    }

    private static void deployer(RepositoryService repository, String dmn) {
        repository.createDeployment().name("Éligibilité (essai)").addString("eligibilite.dmn", dmn).deploy();
    }
}
