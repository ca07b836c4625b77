package fr.gouv.fabriques.process.commun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The filter around the engine's REST: errors held and rewritten, everything else streamed as it comes. */
class ErreursRestMoteurTest {

    final ErreursRestMoteur filtre = new ErreursRestMoteur("/engine-rest", "/camunda/");
    final ObjectMapper json = new ObjectMapper();

    private static MockHttpServletRequest requete(String methode, String uri) {
        MockHttpServletRequest r = new MockHttpServletRequest(methode, uri);
        r.setRequestURI(uri);
        return r;
    }

    private static void ecrire(HttpServletResponse reponse, int statut, String corps) throws java.io.IOException {
        byte[] octets = corps.getBytes(StandardCharsets.UTF_8);
        reponse.setStatus(statut);
        reponse.setContentType("application/json");
        reponse.setContentLength(octets.length);
        reponse.getOutputStream().write(octets);
    }

    @Test
    void unSuccesPasseSansEtreRetenu() throws Exception {
        MockHttpServletResponse reponse = new MockHttpServletResponse();
        byte[] gros = new byte[2_000_000];
        Arrays.fill(gros, (byte) 'x');
        int[] dejaEcrit = {-1};
        FilterChain chaine = (req, rep) -> {
            HttpServletResponse r = (HttpServletResponse) rep;
            r.setStatus(200);
            r.setContentType("application/octet-stream");
            r.setContentLength(gros.length);
            r.getOutputStream().write(gros);
            // Already in the real response while the engine is still writing: streamed, not held.
            dejaEcrit[0] = reponse.getContentAsByteArray().length;
        };
        filtre.doFilter(requete("GET", "/engine-rest/deployment/d1/resources/r1/data"), reponse, chaine);
        assertThat(dejaEcrit[0]).isEqualTo(gros.length);
        assertThat(reponse.getContentAsByteArray()).hasSize(gros.length);
        assertThat(reponse.getContentLength()).isEqualTo(gros.length);
        assertThat(reponse.getStatus()).isEqualTo(200);
    }

    @Test
    void uneErreurEstRetenuePuisRemplaceeAvecSaLongueur() throws Exception {
        MockHttpServletResponse reponse = new MockHttpServletResponse();
        int[] dejaEcrit = {-1};
        filtre.doFilter(requete("POST", "/camunda/api/engine/engine/default/task/t1/claim"), reponse, (req, rep) -> {
            ecrire((HttpServletResponse) rep, 500, "{\"type\":\"TaskAlreadyClaimedException\",\"message\":\"Task 't1' is already claimed by "
                    + "someone else.\",\"code\":0}");
            dejaEcrit[0] = reponse.getContentAsByteArray().length;
        });
        assertThat(dejaEcrit[0]).as("retenue").isZero();
        assertThat(reponse.getStatus()).isEqualTo(409);
        assertThat(reponse.getContentType()).startsWith("application/json");
        byte[] corps = reponse.getContentAsByteArray();
        assertThat(reponse.getContentLength()).isEqualTo(corps.length);
        JsonNode n = json.readTree(corps);
        assertThat(n.get("type").asText()).isEqualTo("TacheDejaPrise");
        assertThat(n.get("message").asText()).contains("« t1 »");
    }

    @Test
    void unRefusDejaFrancaisEstRecopieSansSonPrefixe() throws Exception {
        MockHttpServletResponse reponse = new MockHttpServletResponse();
        filtre.doFilter(requete("POST", "/engine-rest/task/t%C3%A9/submit-form"), reponse, (req, rep) ->
                ecrire((HttpServletResponse) rep, 400, "{\"type\":\"RestException\",\"message\":\"Cannot submit task form té: "
                        + "montantPropose3 : reçu « dix »\",\"code\":0}"));
        assertThat(reponse.getStatus()).isEqualTo(400);
        JsonNode n = json.readTree(reponse.getContentAsByteArray());
        assertThat(n.get("message").asText()).isEqualTo("montantPropose3 : reçu « dix »");
        assertThat(reponse.getContentLength()).isEqualTo(reponse.getContentAsByteArray().length);
    }

    @Test
    void un500SansCorpsRecoitLeMessageFrancais() throws Exception {
        MockHttpServletResponse reponse = new MockHttpServletResponse();
        filtre.doFilter(requete("GET", "/engine-rest/task"), reponse, (req, rep) -> ((HttpServletResponse) rep).setStatus(500));
        assertThat(reponse.getStatus()).isEqualTo(500);
        assertThat(json.readTree(reponse.getContentAsByteArray()).get("identifiantErreur").asText()).isNotBlank();
    }

    @Test
    void sendErrorEstLaisseAuConteneur() throws Exception {
        MockHttpServletResponse reponse = new MockHttpServletResponse();
        filtre.doFilter(requete("GET", "/engine-rest/task"), reponse, (req, rep) -> ((HttpServletResponse) rep).sendError(500));
        assertThat(reponse.getStatus()).isEqualTo(500);
        assertThat(reponse.getContentAsByteArray()).isEmpty();
        assertThat(reponse.isCommitted()).isTrue();
    }

    @Test
    void unCorpsDErreurQuiNEstPasDuMoteurEstRecopieTelQuel() throws Exception {
        MockHttpServletResponse reponse = new MockHttpServletResponse();
        filtre.doFilter(requete("GET", "/engine-rest/task/t1"), reponse, (req, rep) -> {
            HttpServletResponse r = (HttpServletResponse) rep;
            r.setStatus(404);
            r.setContentType("text/plain;charset=UTF-8");
            r.getWriter().write("introuvable, é");
        });
        assertThat(reponse.getStatus()).isEqualTo(404);
        assertThat(reponse.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("introuvable, é");
    }

    @Test
    void leCheminEstLuSousLaRacineDuMoteur() {
        assertThat(filtre.chemin(requete("GET", "/engine-rest/task/t1/complete"))).isEqualTo("/task/t1/complete");
        assertThat(filtre.chemin(requete("GET", "/engine-rest/engine/default/task/t1"))).isEqualTo("/task/t1");
        assertThat(filtre.chemin(requete("GET", "/camunda/api/engine/engine/default/task/t1"))).isEqualTo("/task/t1");
        // The list of engines: a resource, not a named engine.
        assertThat(filtre.chemin(requete("GET", "/engine-rest/engine"))).isEqualTo("/engine");
        assertThat(filtre.chemin(requete("GET", "/engine-rest/task/t%C3%A9"))).isEqualTo("/task/té");
    }
}
