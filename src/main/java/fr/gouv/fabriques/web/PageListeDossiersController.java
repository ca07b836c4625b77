package fr.gouv.fabriques.web;

import fr.gouv.fabriques.application.liste.ListerDossiers;
import fr.gouv.fabriques.application.liste.PageDossiers;
import fr.gouv.fabriques.application.port.AnnuaireAgents.Agent;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * All the dossiers as a French page ({@link PageListeDossiers}), opened with the Tasklist or
 * Cockpit session; same parameters, groups and reach as {@link ListeDossiersController}. A refused
 * parameter is a page too (400).
 */
@Controller
@Hidden
class PageListeDossiersController {

    private final ListerDossiers lister;

    PageListeDossiersController(ListerDossiers lister) {
        this.lister = lister;
    }

    @GetMapping(path = "/agents/dossiers", produces = MediaType.TEXT_HTML_VALUE)
    @GroupesAutorises({"instructeurs", "gestionnaires", "referents-territoriaux", "comite-selection", "service-financier"})
    ResponseEntity<String> page(HttpServletRequest requete, Agent agent) {
        ParametresListe p = ParametresListe.lire(requete.getParameterMap());
        PageDossiers page = lister.page(p.filtre(), p.tri(), p.descendant(), p.page(), p.taille(), agent);
        return PageHtml.reponse(HttpStatus.OK, PageListeDossiers.html(requete.getContextPath(), p, page), PageHtml.CSP_FORMULAIRE);
    }

    @ExceptionHandler(ParametresListe.Invalide.class)
    ResponseEntity<String> invalide(ParametresListe.Invalide e, HttpServletRequest requete) {
        return PageHtml.reponse(HttpStatus.BAD_REQUEST, PageHtml.message("Filtre invalide", PageHtml.echapper(e.getMessage())
                + "</p>\n<p><a href=\"" + PageHtml.echapper(requete.getContextPath()) + "/agents/dossiers\">Revenir à tous les dossiers</a>"));
    }
}
