package fr.gouv.fabriques.process.commun;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The computed variables never stand between an agent and his form. */
class VariablesCalculeesFilterTest {

    private static MockHttpServletResponse lire(VariablesCalculeesFilter filtre, String chemin) throws Exception {
        MockHttpServletRequest requete = new MockHttpServletRequest("GET", chemin);
        MockHttpServletResponse reponse = new MockHttpServletResponse();
        filtre.doFilter(requete, reponse, (req, rep) -> {
            rep.setContentType("application/json");
            rep.getWriter().write("{\"numero\":{\"type\":\"String\",\"value\":\"FDT-2026-0001\",\"valueInfo\":{}}}");
        });
        return reponse;
    }

    @Test
    void uneFauteDuCalculLaisseLeFormulaireSOuvrirAvecLesVariablesDuMoteur() throws Exception {
        VariablesCalculeesFilter filtre = new VariablesCalculeesFilter(() -> {
            throw new IllegalStateException("base injoignable");
        });
        MockHttpServletResponse r = lire(filtre, "/engine-rest/task/42/form-variables");
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentAsString()).contains("FDT-2026-0001");
    }

    @Test
    void seulesLesVariablesDeFormulaireDUneTacheSontConcernees() throws Exception {
        VariablesCalculeesFilter filtre = new VariablesCalculeesFilter(() -> {
            throw new AssertionError("jamais appelé hors de …/task/{id}/form-variables");
        });
        assertThat(lire(filtre, "/engine-rest/task/42/variables").getContentAsString()).contains("FDT-2026-0001");
        assertThat(lire(filtre, "/engine-rest/process-instance/42/form-variables").getContentAsString()).contains("FDT-2026-0001");
    }
}
