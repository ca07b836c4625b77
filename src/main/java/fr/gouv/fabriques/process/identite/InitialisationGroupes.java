package fr.gouv.fabriques.process.identite;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the missing groups and restores the name and type of the existing ones. */
class InitialisationGroupes {

    private static final Logger LOG = LoggerFactory.getLogger(InitialisationGroupes.class);

    void appliquer(IdentityService identityService) {
        // One query for all groups rather than 109 look-ups.
        Map<String, Group> existants = identityService.createGroupQuery().list().stream()
                .collect(Collectors.toMap(Group::getId, Function.identity()));
        int crees = 0;
        int corriges = 0;
        for (DefinitionGroupe definition : Groupes.tous()) {
            Group groupe = existants.get(definition.id());
            if (groupe == null) {
                groupe = identityService.newGroup(definition.id());
                crees++;
            } else if (Objects.equals(groupe.getName(), definition.nom())
                    && Objects.equals(groupe.getType(), definition.type())) {
                continue;
            } else {
                corriges++;
            }
            groupe.setName(definition.nom());
            groupe.setType(definition.type());
            identityService.saveGroup(groupe);
        }
        LOG.info("Groupes : {} créé(s), {} corrigé(s), {} attendus.", crees, corriges, Groupes.tous().size());
    }
}
