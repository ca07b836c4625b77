package fr.gouv.fabriques.web;

import fr.gouv.fabriques.application.donnees.ExporterDonneesStructure;
import fr.gouv.fabriques.application.port.AnnuaireAgents.Agent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Right of access (RGPD): everything held about a structure, for the programme managers who answer such requests. */
@RestController
@Tag(name = "Agents", description = "API des agents du programme (HTTP Basic, comptes Camunda)")
@SecurityRequirement(name = WebConfiguration.SECURITE_AGENTS)
class DonneesPersonnellesController {

    private static final Logger LOG = LoggerFactory.getLogger(DonneesPersonnellesController.class);

    private final ExporterDonneesStructure exporter;

    DonneesPersonnellesController(ExporterDonneesStructure exporter) {
        this.exporter = exporter;
    }

    @Operation(summary = "Toutes les données détenues sur une structure (droit d'accès)",
            description = "Par SIRET : la fiche de chacun de ses dossiers (demande, contact, liste des pièces, avis, décisions, convention, "
                    + "versements, journal) et chaque courriel envoyé. Réponse JSON en pièce jointe. Gestionnaires. 404 si aucun dossier, "
                    + "422 pour un SIRET invalide.")
    @GetMapping(path = "/api/agents/structures/{siret}/donnees", produces = MediaType.APPLICATION_JSON_VALUE)
    @GroupesAutorises({"gestionnaires"})
    ResponseEntity<ExporterDonneesStructure.Export> exporter(@PathVariable String siret, @Parameter(hidden = true) Agent agent) {
        ExporterDonneesStructure.Export export = exporter.exporter(siret, agent.id());
        LOG.info("Export des données de la structure {} ({} dossier(s)) par {}", siret, export.dossiers().size(), agent.id());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"donnees-" + siret + ".json\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(export);
    }
}
