package fr.gouv.fabriques.web;

import fr.gouv.fabriques.domain.Violation;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** RFC 9457 problem documents, in French, with the faulty fields under {@code erreurs}. */
final class Problemes {

    private Problemes() {
    }

    static ResponseEntity<ProblemDetail> reponse(HttpStatus statut, String titre, String detail, List<Violation> violations) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(statut, detail);
        p.setTitle(titre);
        p.setType(URI.create("https://fabriques.gouv.fr/problemes/" + statut.value()));
        if (violations != null && !violations.isEmpty()) {
            p.setProperty("erreurs", violations.stream().map(v -> Map.of("champ", v.champ(), "message", v.message())).toList());
        }
        return ResponseEntity.status(statut).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    static ResponseEntity<ProblemDetail> reponse(HttpStatus statut, String titre, String detail) {
        return reponse(statut, titre, detail, null);
    }
}
