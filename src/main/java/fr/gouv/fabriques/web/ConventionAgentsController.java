package fr.gouv.fabriques.web;

import fr.gouv.fabriques.application.convention.GenererConvention;
import fr.gouv.fabriques.application.convention.TelechargerConvention;
import fr.gouv.fabriques.application.port.AnnuaireAgents.Agent;
import fr.gouv.fabriques.domain.FichierConvention;
import fr.gouv.fabriques.domain.NatureDocumentConvention;
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
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The convention's documents for agents: the one drawn, and the one the laureate sent back
 * signed (linked from the form of « Signer la convention pour l'État »; the Tasklist session
 * opens them). Each download is written to the application's log with the agent's id.
 */
@RestController
@RequestMapping(path = "/api/agents/dossiers/{numero}/convention", produces = MediaType.APPLICATION_PDF_VALUE)
@Tag(name = "Agents", description = "API des agents du programme (HTTP Basic, comptes Camunda)")
@SecurityRequirement(name = WebConfiguration.SECURITE_AGENTS)
@GroupesAutorises({"gestionnaires", "instructeurs", "service-financier", "comite-selection", "camunda-admin"})
class ConventionAgentsController {

    private static final Logger LOG = LoggerFactory.getLogger(ConventionAgentsController.class);

    private final TelechargerConvention telecharger;

    ConventionAgentsController(TelechargerConvention telecharger) {
        this.telecharger = telecharger;
    }

    @Operation(summary = "Télécharger la convention établie (PDF)",
            description = "Le PDF établi à la désignation du lauréat. En-têtes : ETag (SHA-256 en hexadécimal), Repr-Digest "
                    + "(SHA-256, RFC 9530). 404 si le dossier est inconnu ou sa convention pas encore établie ; 401 sans identifiants ; "
                    + "403 hors des groupes gestionnaires, instructeurs, service-financier, comite-selection, camunda-admin.")
    @ApiResponse(responseCode = "200", description = "Le PDF, en pièce jointe",
            content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary")))
    @GetMapping
    ResponseEntity<byte[]> generee(@PathVariable String numero, @Parameter(hidden = true) Agent agent) {
        FichierConvention fichier = telecharger.pourUnAgent(numero, NatureDocumentConvention.GENEREE);
        // Logged once found: the number is then a known dossier's, not whatever the path held.
        LOG.info("Convention établie du dossier {} téléchargée par {}", numero, agent.id());
        return ReponseDocumentConvention.pdf(fichier, GenererConvention.nomFichier(numero));
    }

    @Operation(summary = "Télécharger la convention signée par le porteur (PDF)",
            description = "Le PDF déposé par le porteur, tel qu'il l'a envoyé. Mêmes en-têtes et mêmes réponses ; 404 tant que le "
                    + "porteur ne l'a pas déposée.")
    @ApiResponse(responseCode = "200", description = "Le PDF, en pièce jointe",
            content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/signee")
    ResponseEntity<byte[]> signee(@PathVariable String numero, @Parameter(hidden = true) Agent agent) {
        FichierConvention fichier = telecharger.pourUnAgent(numero, NatureDocumentConvention.SIGNEE_PORTEUR);
        LOG.info("Convention signée du dossier {} téléchargée par {}", numero, agent.id());
        return ReponseDocumentConvention.pdf(fichier, "convention-signee-" + numero + ".pdf");
    }
}
