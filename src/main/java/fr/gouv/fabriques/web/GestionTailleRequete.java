package fr.gouv.fabriques.web;

import fr.gouv.fabriques.application.piece.LimitesPieces;
import fr.gouv.fabriques.domain.Piece;
import fr.gouv.fabriques.domain.Violation;
import java.util.List;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A request above spring.servlet.multipart.max-request-size is refused while the
 * DispatcherServlet parses it, before any controller is chosen: {@link GestionErreurs},
 * limited to this package's controllers, is not consulted then, and Spring would answer
 * in English. This advice has no such limit and handles that one exception only.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class GestionTailleRequete {

    private final LimitesPieces limites;
    private final MultipartProperties multipart;

    GestionTailleRequete(LimitesPieces limites, MultipartProperties multipart) {
        this.limites = limites;
        this.multipart = multipart;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tropGros(MaxUploadSizeExceededException e) {
        // Tomcat reports the request limit as unknown (-1): say the configured one.
        long octets = e.getMaxUploadSize() > 0 ? e.getMaxUploadSize() : multipart.getMaxRequestSize().toBytes();
        String max = octets > 0 ? Piece.tailleLisible(octets) : "la taille permise";
        return Problemes.reponse(HttpStatus.PAYLOAD_TOO_LARGE, "Envoi trop volumineux",
                "Cet envoi dépasse " + max + " par requête : rien n'a été enregistré. Envoyez les fichiers en plusieurs fois "
                        + "(" + Piece.tailleLisible(limites.tailleMaxFichier().toBytes()) + " au plus par fichier, "
                        + Piece.tailleLisible(limites.tailleMaxDossier().toBytes()) + " au plus pour toutes les pièces d'un dossier).",
                List.of(new Violation("fichier", "envoi de plus de " + max + " en une requête")));
    }
}
