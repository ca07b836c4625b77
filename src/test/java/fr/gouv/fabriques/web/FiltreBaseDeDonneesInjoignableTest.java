package fr.gouv.fabriques.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The engine's wrapping of a lost database (what reaches the filter from /engine-rest's authentication or a delegate) answered 503. */
class FiltreBaseDeDonneesInjoignableTest {

    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
    private final FiltreBaseDeDonneesInjoignable filtre = new FiltreBaseDeDonneesInjoignable(json);

    @Test
    void uneErreurDuMoteurDueALaConnexionDonne503EnFrancaisSansDetailTechnique() throws Exception {
        ProcessEngineException moteur = new ProcessEngineException("ENGINE-03083 Exception while executing Batch Database Operations: select * from ACT_ID_USER",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 3000ms"));
        MockHttpServletResponse reponse = new MockHttpServletResponse();
        filtre.doFilter(new MockHttpServletRequest("GET", "/engine-rest/task"), reponse, (req, rep) -> {
            throw new ServletException(moteur);
        });
        assertThat(reponse.getStatus()).isEqualTo(503);
        assertThat(reponse.getContentType()).startsWith("application/problem+json");
        assertThat(reponse.getHeader("Retry-After")).isNotNull();
        String corps = reponse.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json.readTree(corps).get("title").asText()).isEqualTo("Service momentanément indisponible");
        assertThat(corps).doesNotContain("ENGINE", "Hikari", "ACT_", "select", "Exception");
    }

    @Test
    void leServeurQuiSArreteDonneAussi503() throws Exception {
        MockHttpServletResponse reponse = new MockHttpServletResponse();
        filtre.doFilter(new MockHttpServletRequest("POST", "/api/dossiers"), reponse, (req, rep) -> {
            throw new ProcessEngineException("x", new SQLException("terminating connection due to administrator command", "57P01"));
        });
        assertThat(reponse.getStatus()).isEqualTo(503);
    }

    @Test
    void uneAutreErreurDeBaseNEstPasUnePanne() {
        RuntimeException contrainte = new DataIntegrityViolationException("duplicate key", new SQLException("duplicate key", "23505"));
        assertThatThrownBy(() -> filtre.doFilter(new MockHttpServletRequest("POST", "/api/dossiers"), new MockHttpServletResponse(), (req, rep) -> {
            throw contrainte;
        })).isSameAs(contrainte);
    }
}
