package fr.gouv.fabriques.securite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

class RefusTest {

    @Test
    void quatreCentVingtNeufEnFrancaisAvecRetryAfter() throws Exception {
        MockHttpServletResponse reponse = new MockHttpServletResponse();
        Refus.tropDeRequetes(reponse, Duration.ofMillis(17_200), "Trop de dépôts de dossier depuis votre adresse : au plus 200 par heure.");
        assertThat(reponse.getStatus()).isEqualTo(429);
        assertThat(reponse.getHeader("Retry-After")).isEqualTo("18");
        assertThat(reponse.getContentType()).startsWith("application/problem+json");
        assertThat(reponse.getContentAsString(StandardCharsets.UTF_8))
                .contains("\"title\":\"Trop de requêtes\"")
                .contains("au plus 200 par heure. Réessayez dans 18 secondes.")
                .contains("\"status\":429")
                .doesNotContain("properties").doesNotContain("null");
    }
}
