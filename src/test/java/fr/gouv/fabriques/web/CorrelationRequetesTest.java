package fr.gouv.fabriques.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.fabriques.journal.JournalJson;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CorrelationRequetesTest {

    private Map<String, String> contexteVuPendantLaRequete(MockHttpServletRequest requete, MockHttpServletResponse reponse) throws Exception {
        Map<String, String> vu = new HashMap<>();
        new CorrelationRequetes().doFilter(requete, reponse, new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest r, jakarta.servlet.ServletResponse s) {
                vu.putAll(MDC.getCopyOfContextMap());
            }
        });
        return vu;
    }

    @Test
    void unIdentifiantParRequeteRenduDansLaReponseEtLeDossierDuChemin() throws Exception {
        MockHttpServletResponse reponse = new MockHttpServletResponse();
        Map<String, String> vu = contexteVuPendantLaRequete(new MockHttpServletRequest("GET", "/api/dossiers/FDT-2026-0042/convention"), reponse);
        assertThat(vu.get(JournalJson.CORRELATION)).hasSize(36).isEqualTo(reponse.getHeader("X-Correlation-Id"));
        assertThat(vu.get(JournalJson.DOSSIER)).isEqualTo("FDT-2026-0042");
        assertThat(MDC.get(JournalJson.CORRELATION)).as("rien ne reste sur le fil après la requête").isNull();
        assertThat(MDC.get(JournalJson.DOSSIER)).isNull();
    }

    @Test
    void lIdentifiantDuClientEstRepriSIlEstBienForme() throws Exception {
        MockHttpServletRequest requete = new MockHttpServletRequest("GET", "/agents/dossiers/FNT-2019-0007");
        requete.addHeader("X-Correlation-Id", "proxy-1234abcd");
        assertThat(contexteVuPendantLaRequete(requete, new MockHttpServletResponse()).get(JournalJson.CORRELATION)).isEqualTo("proxy-1234abcd");

        MockHttpServletRequest forge = new MockHttpServletRequest("GET", "/api/dossiers/pas-un-numero\nFAUX");
        forge.addHeader("X-Correlation-Id", "x\n{\"niveau\":\"ERROR\"}");
        Map<String, String> vu = contexteVuPendantLaRequete(forge, new MockHttpServletResponse());
        assertThat(vu.get(JournalJson.CORRELATION)).doesNotContain("\n").hasSize(36);
        assertThat(vu).doesNotContainKey(JournalJson.DOSSIER);
    }
}
