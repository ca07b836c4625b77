package fr.gouv.fabriques.web;

import fr.gouv.fabriques.application.port.AnnuaireAgents.Agent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.TreeSet;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The agents' side of the programme API: who am I. */
@RestController
@RequestMapping(path = "/api/agents", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Agents", description = "API des agents du programme (HTTP Basic, comptes Camunda)")
@SecurityRequirement(name = WebConfiguration.SECURITE_AGENTS)
class AgentsController {

    record AgentConnecte(String id, List<String> groupes) {
    }

    @Operation(summary = "L'agent connecté et ses groupes",
            description = "Pour vérifier ses identifiants. 401 sans identifiants valides, 403 hors des groupes d'agents.")
    @GetMapping("/moi")
    @GroupesAutorises({"instructeurs", "referents-territoriaux", "comite-selection", "gestionnaires", "service-financier",
        "analystes", "camunda-admin"})
    AgentConnecte moi(@Parameter(hidden = true) Agent agent) {
        return new AgentConnecte(agent.id(), List.copyOf(new TreeSet<>(agent.groupes())));
    }
}
