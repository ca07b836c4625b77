package fr.gouv.fabriques.web;

import fr.gouv.fabriques.application.depot.AccorderDerogationSiren;
import fr.gouv.fabriques.application.depot.ConsulterDerogationsSiren;
import fr.gouv.fabriques.application.port.AnnuaireAgents.Agent;
import fr.gouv.fabriques.domain.DerogationSiren;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exceptions to « une Fabrique par structure » (README « Le programme en bref »): a programme manager
 * lets one more deposit of a company (SIREN) through, with a reason; everyone can see who, when, why,
 * and which dossier used it.
 */
@RestController
@RequestMapping(path = "/api/agents/derogations-siren", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Dérogations « une Fabrique par structure »",
        description = "Un gestionnaire autorise, avec un motif, un dépôt de plus pour une entreprise (SIREN) déjà candidate ou financée")
@SecurityRequirement(name = WebConfiguration.SECURITE_AGENTS)
class DerogationsSirenController {

    private final AccorderDerogationSiren accorder;
    private final ConsulterDerogationsSiren consulter;

    DerogationsSirenController(AccorderDerogationSiren accorder, ConsulterDerogationsSiren consulter) {
        this.accorder = accorder;
        this.consulter = consulter;
    }

    @Schema(description = "Demande de dérogation à la règle « une Fabrique par structure »")
    record NouvelleDerogation(
            @Schema(description = "SIREN de l'entreprise : 9 chiffres (les 9 premiers du SIRET), clé de Luhn", example = "732829320",
                    requiredMode = Schema.RequiredMode.REQUIRED) String siren,
            @Schema(description = "Pourquoi ce dépôt est admis (2 000 caractères au plus) ; inscrit au journal du dossier qui l'utilise",
                    example = "Second tiers-lieu du réseau, dans une autre commune, avec sa propre équipe",
                    requiredMode = Schema.RequiredMode.REQUIRED) String motif,
            @Schema(description = "Raison sociale de l'entreprise, pour mémoire (200 caractères au plus)") String raisonSociale) {
    }

    @Schema(description = "Une dérogation : qui l'a accordée, quand, pourquoi, et le dossier qui l'a utilisée")
    record DerogationVue(long id, String siren, String motif, String raisonSociale, String accordeePar, Instant accordeeLe,
            @Schema(description = "DISPONIBLE (le prochain dépôt de ce SIREN que la règle refuserait l'utilisera) ou UTILISEE") String etat,
            @Schema(description = "Numéro du dossier admis grâce à elle, une fois utilisée") String dossier, Instant utiliseeLe) {
        static DerogationVue de(DerogationSiren d) {
            return new DerogationVue(d.id(), d.siren(), d.motif(), d.raisonSociale(), d.accordeePar(), d.accordeeLe(),
                    d.utilisee() ? "UTILISEE" : "DISPONIBLE", d.dossier(), d.utiliseeLe());
        }
    }

    @Operation(summary = "Accorder une dérogation « une Fabrique par structure »",
            description = "Un dossier est refusé au dépôt (409, champ structure.siret) quand un autre dossier de la même entreprise (SIREN) "
                    + "est en cours, ou qu'un dossier de ce SIREN a été retenu ou financé par le programme (lauréat, convention, versements, "
                    + "soldé). Une dérogation laisse passer exactement un dépôt de ce SIREN : le premier que la règle refuserait ; elle est "
                    + "alors marquée utilisée par ce dossier, dont le journal dit qu'il a été admis par dérogation, avec le motif et le "
                    + "gestionnaire. Elle ne permet jamais deux dossiers ouverts pour le même SIRET. Gestionnaires. 422 si le SIREN "
                    + "(9 chiffres, clé de Luhn), le motif (obligatoire, 2 000 caractères au plus) ou la raison sociale (200 au plus) "
                    + "est invalide.")
    @ApiResponse(responseCode = "201", description = "Dérogation enregistrée, disponible")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @GroupesAutorises({"gestionnaires"})
    ResponseEntity<DerogationVue> accorder(@RequestBody NouvelleDerogation corps, @Parameter(hidden = true) Agent agent) {
        DerogationSiren d = accorder.accorder(corps.siren(), corps.motif(), corps.raisonSociale(), agent.id());
        return ResponseEntity.created(URI.create("/api/agents/derogations-siren/" + d.id())).body(DerogationVue.de(d));
    }

    @Operation(summary = "Lister les dérogations « une Fabrique par structure »",
            description = "Les plus récentes d'abord ; celles d'un SIREN seulement avec le paramètre siren (422 s'il est invalide).")
    @GetMapping
    @GroupesAutorises({"gestionnaires", "instructeurs", "camunda-admin"})
    List<DerogationVue> lister(@Parameter(description = "SIREN (9 chiffres)") @RequestParam(name = "siren", required = false) String siren) {
        return consulter.lister(Optional.ofNullable(siren).filter(s -> !s.isEmpty())).stream().map(DerogationVue::de).toList();
    }

    @Operation(summary = "Une dérogation « une Fabrique par structure »", description = "404 si elle n'existe pas.")
    @ApiResponse(responseCode = "200", description = "La dérogation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = DerogationVue.class)))
    @GetMapping("/{id}")
    @GroupesAutorises({"gestionnaires", "instructeurs", "camunda-admin"})
    ResponseEntity<?> une(@PathVariable long id) {
        Optional<DerogationSiren> d = consulter.parId(id);
        if (d.isEmpty()) {
            return Problemes.reponse(HttpStatus.NOT_FOUND, "Dérogation introuvable", "Aucune dérogation n° " + id + ".");
        }
        return ResponseEntity.ok(DerogationVue.de(d.get()));
    }
}
