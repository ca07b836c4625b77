package fr.gouv.fabriques.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The container's last resort (/error), in place of Spring Boot's: what no controller of
 * {@link GestionErreurs} answered — an unknown address, an error in a filter or outside the
 * application's controllers — in French, as problem+json (or a short page for a browser).
 * Like {@link GestionErreurs}, a 5xx carries only an identifier, and its cause goes to the log.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErreurFinale implements ErrorController {

    private final ErrorAttributes attributs;

    ErreurFinale(ErrorAttributes attributs) {
        this.attributs = attributs;
    }

    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(HttpServletRequest requete) {
        ResponseEntity<ProblemDetail> p = probleme(requete);
        ProblemDetail d = p.getBody();
        HttpStatus statut = HttpStatus.valueOf(p.getStatusCode().value());
        return PageHtml.reponse(statut, PageHtml.message(d.getTitle(), PageHtml.echapper(d.getDetail())));
    }

    @RequestMapping
    ResponseEntity<ProblemDetail> probleme(HttpServletRequest requete) {
        int statut = statut(requete);
        if (statut >= 500) {
            Object chemin = requete.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            Object methode = requete.getAttribute("jakarta.servlet.error.method");
            Throwable cause = attributs.getError(new ServletWebRequest(requete));
            return Problemes.inattendue(cause, methode == null ? requete.getMethod() : String.valueOf(methode),
                    chemin == null ? "?" : String.valueOf(chemin));
        }
        return Problemes.reponse(HttpStatus.valueOf(statut), Problemes.titre(statut), Problemes.detail(statut));
    }

    private static int statut(HttpServletRequest requete) {
        Object code = requete.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer i && HttpStatus.resolve(i) != null) {
            return i;
        }
        return 500;
    }
}
