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
    void uneTacheTermineeEntreTempsRepond404SansErreur() throws Exception {
        VariablesCalculeesFilter filtre = new VariablesCalculeesFilter(() -> {
            throw new org.camunda.bpm.engine.exception.NullValueException("Cannot find task with id 42: task is null");
        });
        MockHttpServletResponse r = lire(filtre, "/engine-rest/task/42/form-variables");
        assertThat(r.getStatus()).isEqualTo(404);
        assertThat(r.getContentAsString()).contains("introuvable").doesNotContain("FDT-2026-0001").doesNotContain("Cannot find");
        // Another task's id in the message is a fault of the computation: the form opens with the engine's variables.
        VariablesCalculeesFilter autre = new VariablesCalculeesFilter(() -> {
            throw new org.camunda.bpm.engine.exception.NullValueException("Cannot find task with id 43: task is null");
        });
        assertThat(lire(autre, "/engine-rest/task/42/form-variables").getStatus()).isEqualTo(200);
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
