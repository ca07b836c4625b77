package fr.gouv.fabriques.web;

import fr.gouv.fabriques.application.migration.MigrerVersionsProcessus;
import fr.gouv.fabriques.application.migration.MigrerVersionsProcessus.Rapport;
import fr.gouv.fabriques.application.port.AnnuaireAgents.Agent;
import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.Violation;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The French pages of {@code /agents/versions} (Tasklist or Cockpit session, or HTTP Basic), same
 * use case and groups as {@link VersionsProcessusController}: versions and running instances, the
 * plan, its launch by a form (the browser's {@code Origin} of this server stands for the anti-forgery
 * token, README « Sécurité côté navigateur »), the report.
 */
@Controller
@Hidden
class PageVersionsProcessusController {

    private final MigrerVersionsProcessus migrer;

    PageVersionsProcessusController(MigrerVersionsProcessus migrer) {
        this.migrer = migrer;
    }

    @GetMapping(path = PageVersionsProcessus.RACINE, produces = MediaType.TEXT_HTML_VALUE)
    @GroupesAutorises({"gestionnaires", "analystes", "camunda-admin"})
    ResponseEntity<String> liste() {
        return PageHtml.reponseAvecFormulaires(HttpStatus.OK, PageVersionsProcessus.liste(migrer.processus(), migrer.migrations()));
    }

    @GetMapping(path = PageVersionsProcessus.RACINE + "/{cle}/plan", produces = MediaType.TEXT_HTML_VALUE)
    @GroupesAutorises({"gestionnaires"})
    ResponseEntity<String> plan(@PathVariable String cle, @RequestParam(name = "source", required = false) String source,
            @RequestParam(name = "cible", required = false) String cible,
            @RequestParam(name = "clesMetier", required = false) String clesMetier) {
        List<String> cles = cles(clesMetier);
        return PageHtml.reponseAvecFormulaires(HttpStatus.OK, PageVersionsProcessus.plan(migrer.planifier(cle, source, cible, cles), cles));
    }

    @PostMapping(path = PageVersionsProcessus.RACINE + "/{cle}/migrations", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    @GroupesAutorises({"gestionnaires"})
    ResponseEntity<String> lancer(@PathVariable String cle, @RequestParam(name = "source", required = false) String source,
            @RequestParam(name = "cible", required = false) String cible,
            @RequestParam(name = "clesMetier", required = false) String clesMetier,
            @RequestParam(name = "toutes", required = false) String toutes,
            @RequestParam(name = "motif", required = false) String motif, Agent agent) {
        Rapport r = migrer.lancer(cle, source, cible, cles(clesMetier), "true".equals(toutes), motif, agent.id());
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(PageVersionsProcessus.RACINE + "/migrations/" + r.migration().id()))
                .build();
    }

    @GetMapping(path = PageVersionsProcessus.RACINE + "/migrations/{id}", produces = MediaType.TEXT_HTML_VALUE)
    @GroupesAutorises({"gestionnaires", "analystes", "camunda-admin"})
    ResponseEntity<String> rapport(@PathVariable String id) {
        Optional<Rapport> r = id.matches("[0-9]{1,18}") ? migrer.migration(Long.parseLong(id)) : Optional.empty();
        if (r.isEmpty()) {
            return PageHtml.reponse(HttpStatus.NOT_FOUND, PageHtml.message("Migration introuvable", "Aucune migration n° "
                    + PageHtml.echapper(id) + "."));
        }
        return PageHtml.reponse(HttpStatus.OK, PageVersionsProcessus.rapport(r.get()));
    }

    @ExceptionHandler(ErreursValidation.class)
    ResponseEntity<String> invalide(ErreursValidation e) {
        return PageHtml.reponse(HttpStatus.UNPROCESSABLE_ENTITY, PageVersionsProcessus.erreursPage("Données invalides", e.violations()));
    }

    @ExceptionHandler(ErreurMetier.class)
    ResponseEntity<String> impossible(ErreurMetier e) {
        return PageHtml.reponse(HttpStatus.CONFLICT, PageVersionsProcessus.erreursPage("Migration impossible",
                List.of(new Violation(e.champ() == null ? "migration" : e.champ(), e.getMessage()))));
    }

    /** « FDT-2026-0001, FDT-2026-0002 » or one per line. */
    private static List<String> cles(String texte) {
        return texte == null || texte.isBlank() ? List.of() : Arrays.stream(texte.split("[\\s,;]+")).filter(s -> !s.isEmpty()).toList();
    }
}
