package fr.gouv.fabriques.process.identite;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;

/**
 * Runs {@link InitialisationIdentite} as soon as the engine is built. The engine is built
 * while the Spring context refreshes, before the embedded web server opens its port: no
 * request (Tasklist, REST) is served before groups, accounts, authorizations and filters
 * are in place; and it runs on every start, unlike an event tied to a first deployment.
 */
public class IdentitePlugin extends AbstractProcessEnginePlugin {

    private final InitialisationIdentite initialisation;

    public IdentitePlugin(InitialisationIdentite initialisation) {
        this.initialisation = initialisation;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        initialisation.appliquer(processEngine);
    }

    @Override
    public String toString() {
        return "IdentitePlugin";
    }
}
