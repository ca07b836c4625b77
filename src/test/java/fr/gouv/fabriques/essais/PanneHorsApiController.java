package fr.gouv.fabriques.essais;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tests only: a controller outside fr.gouv.fabriques.web, which GestionErreurs does not cover,
 * failing with internals in its message: the container's /error (ErreurFinale) answers.
 */
@Hidden
@RestController
public class PanneHorsApiController {

    public static final String CHEMIN = "/essais/panne-hors-api";

    @GetMapping(CHEMIN)
    String panne() {
        throw new IllegalStateException("org.example.ClasseInterne : select * from secret_hors_api");
    }
}
