package fr.gouv.fabriques.web;

import fr.gouv.fabriques.application.liste.ListerDossiers;
import fr.gouv.fabriques.application.liste.PageDossiers;
import fr.gouv.fabriques.application.port.AnnuaireAgents.Agent;
import fr.gouv.fabriques.application.port.Tableurs.FormatExport;
import fr.gouv.fabriques.domain.Vague;
import fr.gouv.fabriques.domain.Violation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * All the dossiers for agents, as JSON, and the exports of the filtered list (CSV, XLSX, ODS)
 * streamed to the response (README « Tous les dossiers et exports »). Query parameters:
 * {@link ParametresListe}. Groups: those of the dossier sheet; a territorial referent only sees
 * the dossiers of his départements.
 */
@RestController
@Tag(name = "Agents", description = "API des agents du programme (HTTP Basic, comptes Camunda)")
@SecurityRequirement(name = WebConfiguration.SECURITE_AGENTS)
class ListeDossiersController {

    private static final Logger LOG = LoggerFactory.getLogger(ListeDossiersController.class);
    private static final DateTimeFormatter HORODATAGE = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm");
    static final String GROUPES = "instructeurs, gestionnaires, comite-selection, service-financier ; referents-territoriaux pour les "
            + "seuls dossiers de leurs départements";
    private static final String PARAMETRES = "Filtres (chacun une ou plusieurs valeurs, répétées ou séparées par des virgules ; "
            + "combinés par « et ») : statut (StatutDossier : DEPOSE, EN_INSTRUCTION, …, LAUREAT, CONVENTIONNE, …), vague (code), "
            + "appel (FABRIQUES_TERRITOIRE, FABRIQUES_NUMERIQUES), categorie (HORS_GRANDS_CENTRES, QPV, NUMERIQUE_QPV), departement "
            + "(code INSEE : 58, 2A, 971), region (code INSEE : 27), avisReferent (FAVORABLE, RESERVE, DEFAVORABLE, ABSENT), "
            + "recommandation (FAVORABLE, RESERVE, DEFAVORABLE) ; q : texte cherché dans le nom de la structure, le SIRET ou le "
            + "numéro (sans tenir compte de la casse ni des accents). Tri : tri (numero, structure, statut, vague, categorie, "
            + "departement, region, montantDemande, score, dateDepot ; numero par défaut), ordre (asc, desc). ";

    private final ListerDossiers lister;
    private final Clock horloge;

    ListeDossiersController(ListerDossiers lister, Clock horloge) {
        this.lister = lister;
        this.horloge = horloge;
    }

    @Operation(summary = "Tous les dossiers (filtrés, triés, paginés)",
            description = PARAMETRES + "Pagination : page (à partir de 0), taille (1 à 200, 50 par défaut). Réponse : elements, total, "
                    + "page, taille. Un paramètre inconnu ou une valeur invalide : 400 qui le nomme avec les valeurs admises. "
                    + "Groupes : " + GROUPES + ". Page HTML : GET /agents/dossiers.",
            parameters = {
                @Parameter(name = "statut", in = ParameterIn.QUERY, array = @ArraySchema(schema = @Schema(type = "string"))),
                @Parameter(name = "vague", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
                @Parameter(name = "appel", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
                @Parameter(name = "categorie", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
                @Parameter(name = "departement", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
                @Parameter(name = "region", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
                @Parameter(name = "avisReferent", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
                @Parameter(name = "recommandation", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
                @Parameter(name = "q", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
                @Parameter(name = "tri", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
                @Parameter(name = "ordre", in = ParameterIn.QUERY, schema = @Schema(type = "string", allowableValues = {"asc", "desc"})),
                @Parameter(name = "page", in = ParameterIn.QUERY, schema = @Schema(type = "integer", minimum = "0")),
                @Parameter(name = "taille", in = ParameterIn.QUERY, schema = @Schema(type = "integer", minimum = "1", maximum = "200"))})
    @ApiResponse(responseCode = "200", description = "Une page de la liste")
    @ApiResponse(responseCode = "400", description = "Paramètre inconnu ou invalide",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping(path = "/api/agents/dossiers", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @GroupesAutorises({"instructeurs", "gestionnaires", "referents-territoriaux", "comite-selection", "service-financier"})
    PageDossiers liste(@Parameter(hidden = true) HttpServletRequest requete, @Parameter(hidden = true) Agent agent) {
        ParametresListe p = ParametresListe.lire(requete.getParameterMap());
        return lister.page(p.filtre(), p.tri(), p.descendant(), p.page(), p.taille(), agent);
    }

    @Operation(summary = "Exporter la liste filtrée en CSV", description = PARAMETRES + "Sans pagination. Séparateur « ; », UTF-8 avec BOM, "
            + "virgule décimale, dates jj/mm/aaaa hh:mm (heure de Paris) ; un texte commençant par = + - @ est précédé d'une apostrophe.")
    @GetMapping(path = "/api/agents/dossiers/export.csv")
    @GroupesAutorises({"instructeurs", "gestionnaires", "referents-territoriaux", "comite-selection", "service-financier"})
    void csv(@Parameter(hidden = true) HttpServletRequest requete, @Parameter(hidden = true) HttpServletResponse reponse,
            @Parameter(hidden = true) Agent agent) throws IOException {
        exporter(requete, reponse, agent, FormatExport.CSV);
    }

    @Operation(summary = "Exporter la liste filtrée en XLSX", description = PARAMETRES + "Sans pagination. Cellules typées (nombres, "
            + "dates), en-tête figé.")
    @GetMapping(path = "/api/agents/dossiers/export.xlsx")
    @GroupesAutorises({"instructeurs", "gestionnaires", "referents-territoriaux", "comite-selection", "service-financier"})
    void xlsx(@Parameter(hidden = true) HttpServletRequest requete, @Parameter(hidden = true) HttpServletResponse reponse,
            @Parameter(hidden = true) Agent agent) throws IOException {
        exporter(requete, reponse, agent, FormatExport.XLSX);
    }

    @Operation(summary = "Exporter la liste filtrée en ODS (OpenDocument)", description = PARAMETRES + "Sans pagination. Cellules "
            + "typées (nombres, dates), en-tête figé.")
    @GetMapping(path = "/api/agents/dossiers/export.ods")
    @GroupesAutorises({"instructeurs", "gestionnaires", "referents-territoriaux", "comite-selection", "service-financier"})
    void ods(@Parameter(hidden = true) HttpServletRequest requete, @Parameter(hidden = true) HttpServletResponse reponse,
            @Parameter(hidden = true) Agent agent) throws IOException {
        exporter(requete, reponse, agent, FormatExport.ODS);
    }

    /** Headers first, then the rows as they are read: nothing but the current rows is held in memory. */
    private void exporter(HttpServletRequest requete, HttpServletResponse reponse, Agent agent, FormatExport format) throws IOException {
        ParametresListe p = ParametresListe.lire(requete.getParameterMap());
        String nom = "dossiers-" + HORODATAGE.format(LocalDateTime.now(horloge.withZone(Vague.FUSEAU))) + "." + format.extension();
        reponse.setStatus(HttpStatus.OK.value());
        reponse.setContentType(format.typeMime());
        reponse.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + nom + "\"");
        reponse.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        reponse.setHeader("X-Content-Type-Options", "nosniff");
        long n = lister.exporter(p.filtre(), p.tri(), p.descendant(), agent, format, reponse.getOutputStream());
        LOG.info("Export {} de {} dossiers par {} ({})", format, n, agent.id(), p.filtres());
    }

    @ExceptionHandler(ParametresListe.Invalide.class)
    ResponseEntity<ProblemDetail> invalide(ParametresListe.Invalide e) {
        return Problemes.reponse(HttpStatus.BAD_REQUEST, "Paramètre invalide", e.getMessage(),
                List.of(new Violation(e.parametre(), e.getMessage())));
    }
}
