package fr.gouv.fabriques.process.securite;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The engine REST API is open to anonymous callers by default, and the engine checks no
 * authorization without an authenticated user: anyone could then read every dossier,
 * complete every task and deploy code. This filter requires HTTP Basic credentials on
 * every {@code /engine-rest} call (401 otherwise) and runs the request as that user, so
 * the authorizations of the groups apply.
 */
@Configuration(proxyBeanMethods = false)
public class SecuriteRestConfiguration {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> authentificationEngineRest(
            @Value("${spring.jersey.application-path:/engine-rest}") String cheminRest) {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> enregistrement =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        enregistrement.setName("fabriques-authentification-engine-rest");
        enregistrement.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        enregistrement.addUrlPatterns(cheminRest.replaceAll("/+$", "") + "/*");
        // Before any other application filter: nothing should touch an unauthenticated request.
        enregistrement.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return enregistrement;
    }
}
