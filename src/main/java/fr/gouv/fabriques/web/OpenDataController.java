package fr.gouv.fabriques.web;

import fr.gouv.fabriques.application.opendata.PublierSubventions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Open data the State must publish: the grants it awarded, in the SCDL « subventions » format (README « Données ouvertes »). */
@RestController
@RequestMapping("/api/agents/opendata")
@Tag(name = "Données ouvertes", description = "Données essentielles des conventions de subvention (SCDL « subventions » 2.1.1)")
@SecurityRequirement(name = WebConfiguration.SECURITE_AGENTS)
class OpenDataController {

    private final PublierSubventions publier;

    OpenDataController(PublierSubventions publier) {
        this.publier = publier;
    }

    @Operation(summary = "Conventions signées au format SCDL « subventions » 2.1.1 (à publier sur data.gouv.fr)",
            description = "Une ligne par convention signée par l'État, telle que modifiée par ses avenants, au-dessus du seuil de "
                    + "publication (23 000 €, décret n° 2017-779). CSV séparé par des virgules (RFC 4180), UTF-8 sans BOM, "
                    + "colonnes dans l'ordre du schéma.")
    @GetMapping(path = "/subventions.csv", produces = "text/csv")
    @GroupesAutorises({"gestionnaires", "analystes", "camunda-admin"})
    ResponseEntity<byte[]> subventions() {
        ByteArrayOutputStream octets = new ByteArrayOutputStream();
        try (Writer sortie = new OutputStreamWriter(octets, StandardCharsets.UTF_8)) {
            publier.ecrire(sortie);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"subventions-fabriques-de-territoire.csv\"")
                .header("X-Content-Type-Options", "nosniff")
                .body(octets.toByteArray());
    }
}
