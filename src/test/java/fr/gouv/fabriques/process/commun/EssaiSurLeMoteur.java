package fr.gouv.fabriques.process.commun;

import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A test of an engine plugin on the process tests' engine (moteur-tests-processus.cfg.xml): its model deployed by the test, removed after. */
abstract class EssaiSurLeMoteur {

    @RegisterExtension
    static ProcessEngineExtension moteur = fr.gouv.fabriques.process.CouvertureProcessus.sansPlancher();

    /** The test's deployment, removed with its instances and history after the test. */
    protected String deploiement;

    @AfterEach
    void retirer() {
        if (deploiement != null) {
            moteur.getRepositoryService().deleteDeployment(deploiement, true);
        }
        moteur.getIdentityService().clearAuthentication();
    }
}
