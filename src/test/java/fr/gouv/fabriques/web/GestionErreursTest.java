package fr.gouv.fabriques.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.mock.web.MockHttpServletRequest;

/** What reaches a client of an error nobody foresaw: an identifier, never the cause. */
@ExtendWith(OutputCaptureExtension.class)
class GestionErreursTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void uneErreurInattendueDonneUn500FrancaisAvecSonIdentifiantEtRienDeLaCause(CapturedOutput journal) throws Exception {
        Exception cause = new BadSqlGrammarException("DossierRepository", "select * from dossier where siret = 'x' and secret_interne = 1",
                new SQLException("ERROR: column \"secret_interne\" does not exist"));
        ResponseEntity<ProblemDetail> r = new GestionErreurs().inattendue(cause, new MockHttpServletRequest("POST", "/api/dossiers"));

        assertThat(r.getStatusCode().value()).isEqualTo(500);
        assertThat(r.getHeaders().getContentType()).hasToString("application/problem+json");
        String id = (String) r.getBody().getProperties().get("identifiantErreur");
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        String corps = JSON.writeValueAsString(r.getBody());
        assertThat(corps).contains("Erreur interne").contains(id)
                .doesNotContainIgnoringCase("select").doesNotContain("secret_interne").doesNotContain("SQLException")
                .doesNotContain("BadSqlGrammar").doesNotContain("org.springframework").doesNotContain("java.").doesNotContain("at fr.");
        // The log has it all, under the same identifier.
        assertThat(journal.getOut()).contains("ERROR").contains("Erreur inattendue " + id + " sur POST /api/dossiers")
                .contains("BadSqlGrammarException").contains("secret_interne").contains("\tat ");
    }

    @Test
    void deuxErreursOntDeuxIdentifiants() {
        GestionErreurs g = new GestionErreurs();
        MockHttpServletRequest requete = new MockHttpServletRequest("GET", "/api/dossiers/X");
        Object a = g.inattendue(new IllegalStateException("a"), requete).getBody().getProperties().get("identifiantErreur");
        Object b = g.inattendue(new IllegalStateException("a"), requete).getBody().getProperties().get("identifiantErreur");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void unRefusDeSpringGardeSonStatut4xxEnFrancais() {
        var refus = new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND, "internal detail");
        ResponseEntity<ProblemDetail> r = new GestionErreurs().inattendue(refus, new MockHttpServletRequest("GET", "/api/x"));
        assertThat(r.getStatusCode().value()).isEqualTo(404);
        assertThat(r.getBody().getTitle()).isEqualTo("Ressource introuvable");
        assertThat(r.getBody().getDetail()).doesNotContain("internal detail");
    }

    @Test
    void unJsonSuiviDAutreChoseEstDitEnFrancaisSansNomDeClasse() {
        ObjectMapper strict = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        JsonProcessingException e = null;
        try {
            strict.readTree("{\"a\": 1} {\"b\": 2}");
        } catch (JsonProcessingException x) {
            e = x;
        }
        assertThat(e).as("FAIL_ON_TRAILING_TOKENS refuse le second document").isNotNull();
        assertThat(GestionErreurs.pourquoiIllisible(e)).startsWith("Le corps de la requête contient autre chose après la fin du JSON")
                .contains("ligne 1").doesNotContain("com.fasterxml").doesNotContain("JsonNode").doesNotContain("Trailing");
    }
}
