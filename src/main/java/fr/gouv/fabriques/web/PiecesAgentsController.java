package fr.gouv.fabriques.web;

import fr.gouv.fabriques.application.piece.TelechargerPiece;
import fr.gouv.fabriques.application.port.AnnuaireAgents.Agent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The agents read the applicants' pieces (links of the Tasklist form « Vérifier la complétude »). */
@RestController
@Tag(name = "Agents", description = "API des agents du programme (HTTP Basic, comptes Camunda)")
@SecurityRequirement(name = WebConfiguration.SECURITE_AGENTS)
class PiecesAgentsController {

    private final TelechargerPiece telecharger;

    PiecesAgentsController(TelechargerPiece telecharger) {
        this.telecharger = telecharger;
    }

    @Operation(summary = "Télécharger une pièce d'un dossier",
            description = "HTTP Basic (compte Camunda) ou connexion Tasklist du même navigateur. Groupes : instructeurs, gestionnaires, "
                    + "comite-selection, service-financier ; referents-territoriaux pour les dossiers de leur département "
                    + "(groupe referents-{département}). 401 sans identifiants valides, 403 hors de ces groupes, 404 pièce inconnue.")
    @ApiResponse(responseCode = "200", description = "Le fichier", content = @Content(mediaType = "application/octet-stream",
            schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/api/agents/dossiers/{numero}/pieces/{id}")
    @GroupesAutorises({"instructeurs", "gestionnaires", "referents-territoriaux", "comite-selection", "service-financier"})
    ResponseEntity<byte[]> telecharger(@PathVariable String numero, @PathVariable long id, @Parameter(hidden = true) Agent agent) {
        return ReponsePiece.telechargement(telecharger.pourAgent(numero, id, agent));
    }
}
