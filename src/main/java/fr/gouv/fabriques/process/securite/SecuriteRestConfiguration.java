package fr.gouv.fabriques.process.securite;

import fr.gouv.fabriques.securite.Limites;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
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
 * the authorizations of the groups apply. Failed logins, there and in the webapps' login
 * form, are limited per client address ({@link AuthentificationEngineRest}, {@link ConnexionsWebapps}).
 */
@Configuration(proxyBeanMethods = false)
public class SecuriteRestConfiguration {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> authentificationEngineRest(
            @Value("${spring.jersey.application-path:/engine-rest}") String cheminRest, Limites limites, ObjectProvider<ProcessEngine> moteur) {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> enregistrement =
                new FilterRegistrationBean<>(new AuthentificationEngineRest(limites, moteur));
        enregistrement.setName("fabriques-authentification-engine-rest");
        enregistrement.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        enregistrement.addUrlPatterns(cheminRest.replaceAll("/+$", "") + "/*");
        // Before any other application filter: nothing should touch an unauthenticated request.
        enregistrement.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return enregistrement;
    }

    @Bean
    FilterRegistrationBean<ConnexionsWebapps> connexionsWebapps(
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String cheminWebapps, Limites limites) {
        FilterRegistrationBean<ConnexionsWebapps> enregistrement = new FilterRegistrationBean<>(new ConnexionsWebapps(limites));
        enregistrement.setName("fabriques-connexions-webapps");
        // …/api/admin/auth/user/{engine}/login/{app}; the filter keeps the « /login/ » ones.
        enregistrement.addUrlPatterns(cheminWebapps.replaceAll("/+$", "") + "/api/admin/auth/user/*");
        enregistrement.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return enregistrement;
    }
}
