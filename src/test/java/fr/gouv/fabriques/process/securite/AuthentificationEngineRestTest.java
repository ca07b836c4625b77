package fr.gouv.fabriques.process.securite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fr.gouv.fabriques.securite.Limites;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The filter hands the application's engine to the request without the library's lookup; another engine name is not it. */
class AuthentificationEngineRestTest {

    @Test
    void leMoteurDeLApplicationSansRechercheEtAucunAutre() {
        ProcessEngine moteur = mock(ProcessEngine.class);
        when(moteur.getName()).thenReturn("default");
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("processEngine", moteur);
        AuthentificationEngineRest filtre = new AuthentificationEngineRest(mock(Limites.class), beans.getBeanProvider(ProcessEngine.class));

        assertThat(filtre.getAddressedEngine("default")).isSameAs(moteur);
        // /engine-rest/engine/autre/… : no such engine here; the library's lookup answers (none), not the application's engine.
        assertThat(filtre.getAddressedEngine("autre")).isNotSameAs(moteur);
    }
}
