package fr.gouv.fabriques.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tests only (src/test, picked up by the shared integration context's component scan): an
 * address of the API that fails as nothing in the application should, with a real PostgreSQL
 * error whose message quotes SQL and names a table — what must never reach a client.
 */
@Hidden
@RestController
class PanneEssaiController {

    static final String CHEMIN = "/api/essais/panne-sql";

    private final JdbcClient jdbc;

    PanneEssaiController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping(CHEMIN)
    List<Map<String, Object>> panne() {
        return jdbc.sql("select colonne_secrete from table_absente_des_essais").query().listOfRows();
    }
}
