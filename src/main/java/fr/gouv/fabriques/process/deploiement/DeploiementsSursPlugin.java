package fr.gouv.fabriques.process.deploiement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every new deployment — from /engine-rest (the Modeler, with an analyst's account), from Cockpit, or the
 * application's own models at start-up — goes through {@link ReglesDeploiement} before the engine parses
 * it: a deployer placed before the engine's own. A refused one throws {@link DeploiementRefuse} inside the
 * deployment's transaction, so nothing of it is written; the engine's REST answers 400 with the reasons.
 * Deployments already in the database, re-read into the engine's cache, are not checked again.
 */
public class DeploiementsSursPlugin extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(DeploiementsSursPlugin.class);

    private final Supplier<ReglesDeploiement> regles;

    /** @param regles resolved at the first deployment, once the beans the models may name are known */
    public DeploiementsSursPlugin(Supplier<ReglesDeploiement> regles) {
        this.regles = regles;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> avant = configuration.getCustomPreDeployers() == null ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
        avant.add(0, this::verifier);
        configuration.setCustomPreDeployers(avant);
    }

    void verifier(DeploymentEntity deploiement) {
        if (!deploiement.isNew() || deploiement.getResources() == null) {
            return;
        }
        Map<String, byte[]> contenus = new LinkedHashMap<>();
        for (Map.Entry<String, ResourceEntity> r : deploiement.getResources().entrySet()) {
            contenus.put(r.getKey(), r.getValue().getBytes());
        }
        List<ProblemeDeploiement> problemes = regles.get().verifier(contenus);
        if (!problemes.isEmpty()) {
            DeploiementRefuse refus = new DeploiementRefuse(problemes);
            LOG.warn("Déploiement « {} » ({}) refusé : {}", deploiement.getName(), deploiement.getSource(), refus.getMessage());
            throw refus;
        }
    }
}
