package fr.gouv.fabriques.web;

import fr.gouv.fabriques.application.fiche.ConsulterFicheDossier;
import fr.gouv.fabriques.application.fiche.FicheDossier;
import fr.gouv.fabriques.application.port.AnnuaireAgents.Agent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The dossier sheet for agents, as JSON (the printable page is {@link PageFicheDossierController}). */
@RestController
@Tag(name = "Agents", description = "API des agents du programme (HTTP Basic, comptes Camunda)")
@SecurityRequirement(name = WebConfiguration.SECURITE_AGENTS)
class FicheDossierController {

    private static final Logger LOG = LoggerFactory.getLogger(FicheDossierController.class);

    private final ConsulterFicheDossier consulter;

    FicheDossierController(ConsulterFicheDossier consulter) {
        this.consulter = consulter;
    }

    @Operation(summary = "Fiche du dossier",
            description = "Tout ce qui est enregistré sur le dossier, lu en base à chaque appel : structure, contact, projet, montants "
                    + "demandés (vague actuelle), pièces jointes (liens), complétude et échanges, avis territorial, instruction (notes, "
                    + "poids, score, recommandation, montants proposés), validation (dernière décision, renvois), comité (décision publiée "
                    + "ou seulement proposée), convention (liens des PDF), versements, bilans, reversements, journal. Une partie pas "
                    + "encore atteinte vaut null. HTTP Basic ou connexion Tasklist du même navigateur. Groupes : instructeurs, "
                    + "gestionnaires, comite-selection, service-financier ; referents-territoriaux pour les dossiers de leur département "
                    + "(groupe referents-{département}). 401 sans identifiants valides, 403 hors de ces groupes ou pour le référent d'un "
                    + "autre département, 404 dossier inconnu. Page imprimable : GET /agents/dossiers/{numero}.")
    @ApiResponse(responseCode = "200", description = "La fiche",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = FicheDossier.class)))
    @ApiResponse(responseCode = "403", description = "Référent d'un autre département, ou groupe non autorisé",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "Dossier inconnu",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping(path = "/api/agents/dossiers/{numero}", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    // The groups of the pieces' download; referents then only for the dossiers of their département (ConsulterFicheDossier).
    @GroupesAutorises({"instructeurs", "gestionnaires", "referents-territoriaux", "comite-selection", "service-financier"})
    FicheDossier fiche(@Parameter(description = "Numéro du dossier, ex. FDT-2026-0001") @PathVariable String numero,
            @Parameter(hidden = true) Agent agent) {
        FicheDossier fiche = consulter.pourAgent(numero, agent);
        LOG.info("Fiche du dossier {} consultée par {}", numero, agent.id());
        return fiche;
    }
}
