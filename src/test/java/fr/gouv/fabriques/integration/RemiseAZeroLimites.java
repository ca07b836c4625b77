package fr.gouv.fabriques.integration;

import fr.gouv.fabriques.securite.Limites;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * All the integration tests reach the application from 127.0.0.1, as one client would: each test
 * method starts with fresh limits per address (fabriques.limites), as a new client would, so that
 * the suite's hundreds of deposits and its deliberate failed logins never add up across tests.
 * Registered in META-INF/spring.factories: the shared context's configuration is untouched.
 */
public class RemiseAZeroLimites implements TestExecutionListener, Ordered {

    @Override
    public void beforeTestMethod(TestContext contexte) {
        if (contexte.hasApplicationContext()) {
            contexte.getApplicationContext().getBeanProvider(Limites.class).ifAvailable(Limites::reinitialiser);
        }
    }

    @Override
    public int getOrder() {
        return 10_000;
    }
}
