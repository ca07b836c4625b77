package fr.gouv.fabriques.web;

import fr.gouv.fabriques.application.fiche.AccesFicheRefuse;
import fr.gouv.fabriques.application.fiche.ConsulterFicheDossier;
import fr.gouv.fabriques.application.port.AnnuaireAgents.Agent;
import fr.gouv.fabriques.application.port.DossierIntrouvable;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The dossier sheet as a printable French page, for browsers: the links of the Tasklist forms
 * open it with the Tasklist (or Cockpit) session, or HTTP Basic; same groups and rule as
 * {@link FicheDossierController}. Its refusals are pages too.
 */
@Controller
@Hidden
class PageFicheDossierController {

    private static final Logger LOG = LoggerFactory.getLogger(PageFicheDossierController.class);

    private final ConsulterFicheDossier consulter;
    private final Clock horloge;

    PageFicheDossierController(ConsulterFicheDossier consulter, Clock horloge) {
        this.consulter = consulter;
        this.horloge = horloge;
    }

    @GetMapping(path = "/agents/dossiers/{numero}", produces = MediaType.TEXT_HTML_VALUE)
    @GroupesAutorises({"instructeurs", "gestionnaires", "referents-territoriaux", "comite-selection", "service-financier"})
    ResponseEntity<String> page(@PathVariable String numero, Agent agent) {
        String html = PageFicheDossier.html(consulter.pourAgent(numero, agent), horloge.instant());
        LOG.info("Fiche du dossier {} consultée par {} (page)", numero, agent.id());
        return PageHtml.reponse(HttpStatus.OK, html);
    }

    @ExceptionHandler(DossierIntrouvable.class)
    ResponseEntity<String> introuvable(DossierIntrouvable e) {
        return PageHtml.reponse(HttpStatus.NOT_FOUND, PageHtml.message("Dossier introuvable", PageHtml.echapper(e.getMessage() + ".")));
    }

    @ExceptionHandler(AccesFicheRefuse.class)
    ResponseEntity<String> refuse(AccesFicheRefuse e) {
        return PageHtml.reponse(HttpStatus.FORBIDDEN, PageHtml.message("Accès refusé", PageHtml.echapper(e.getMessage())));
    }
}
