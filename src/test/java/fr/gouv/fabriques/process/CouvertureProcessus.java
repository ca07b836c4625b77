package fr.gouv.fabriques.process;

import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/**
 * The process tests' engine (moteur-tests-processus.cfg.xml) with the coverage of the models they walk: each test class states
 * the share of its models' flow nodes and sequence flows it must cover (its floor), and fails below it. The HTML
 * reports, model by model with the paths taken, are written under target/process-test-coverage/ (README « Tests »).
 * The floors sit a little under what the classes reach today: a path that stops being tested fails the build.
 */
public final class CouvertureProcessus {

    /**
     * Not camunda.cfg.xml, the name the engine looks for: the engine REST's first lookup of an engine (ProcessEngines.init)
     * builds every camunda.cfg.xml of the class path, and the integration tests' class path holds this one — an H2 engine
     * built for nothing, seconds of the first request that looks the engine up.
     */
    public static final String CONFIGURATION = "moteur-tests-processus.cfg.xml";

    private CouvertureProcessus() {
    }

    /** For a test about something else than the models' paths (migration): its coverage is reported, not asserted. */
    public static ProcessEngineCoverageExtension sansPlancher() {
        return ProcessEngineCoverageExtension.builder().configurationResource(CONFIGURATION).build();
    }

    public static ProcessEngineCoverageExtension auMoins(double plancher) {
        return ProcessEngineCoverageExtension.builder().configurationResource(CONFIGURATION).assertClassCoverageAtLeast(plancher).build();
    }
}
