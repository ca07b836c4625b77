package fr.gouv.fabriques.web;

import fr.gouv.fabriques.application.LecteursDossier;
import fr.gouv.fabriques.application.port.AnnuaireAgents.Agent;
import fr.gouv.fabriques.application.pilotage.ConsulterPilotage;
import fr.gouv.fabriques.application.pilotage.Pilotage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The figures of the Cockpit « Programme » page (README « Pilotage dans Cockpit »). */
@RestController
@Tag(name = "Programme", description = "Quotas et enveloppe cumulés, rééquilibrage, registre des décisions")
@SecurityRequirement(name = WebConfiguration.SECURITE_AGENTS)
class PilotageController {

    private final ConsulterPilotage consulter;

    PilotageController(ConsulterPilotage consulter) {
        this.consulter = consulter;
    }

    @Operation(summary = "Pilotage du programme",
            description = "Les chiffres de la page « Programme » de Cockpit, relus en base à chaque appel : quotas par catégorie "
                    + "(lauréats, quota, places restantes), enveloppe (engagé, versé, recouvré, libéré, restant, en euros), dossiers par "
                    + "statut, par vague et par appel, par région et par département, délais de chaque étape en jours (médiane et "
                    + "90e centile), tâches en retard par groupe. Chaque nombre porte le lien de la liste des dossiers filtrée "
                    + "(/agents/dossiers?…), chaque dossier cité celui de sa fiche ; listeOuverte dit si l'agent peut les ouvrir (les analystes voient les chiffres, pas les dossiers). vague et appel restreignent les dossiers comptés ; "
                    + "quotas, engagé et restant restent ceux du programme. Groupes : gestionnaires, analystes, comite-selection, "
                    + "camunda-admin. 422 pour une vague ou un appel inconnu.")
    @GetMapping(path = "/api/agents/pilotage", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @GroupesAutorises({"gestionnaires", "analystes", "comite-selection", "camunda-admin"})
    ResponseEntity<Pilotage> pilotage(
            @Parameter(description = "Code d'une vague, ex. FDT-2020-T1") @RequestParam(required = false) String vague,
            @Parameter(description = "FABRIQUES_TERRITOIRE ou FABRIQUES_NUMERIQUES") @RequestParam(required = false) String appel,
            @Parameter(hidden = true) Agent agent) {
        boolean listeOuverte = agent.appartientAUnDe(LecteursDossier.GROUPES_NATIONAUX);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(consulter.consulter(consulter.perimetre(vague, appel)).pourLecteur(listeOuverte));
    }
}
