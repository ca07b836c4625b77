package fr.gouv.fabriques.web;

import fr.gouv.fabriques.application.port.AnnuaireAgents;
import fr.gouv.fabriques.securite.Limites;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The door of the metrics: {@link AccesMetriques} on the Prometheus endpoint of the actuator. */
@Configuration(proxyBeanMethods = false)
class MetriquesConfiguration {

    @Bean
    FilterRegistrationBean<AccesMetriques> accesMetriques(AnnuaireAgents annuaire, Limites limites) {
        FilterRegistrationBean<AccesMetriques> enregistrement = new FilterRegistrationBean<>(new AccesMetriques(annuaire, limites));
        enregistrement.setName("fabriques-acces-metriques");
        // The whole actuator but its probes (AccesMetriques#shouldNotFilter): an endpoint exposed later stays guarded.
        enregistrement.addUrlPatterns("/actuator", "/actuator/*");
        enregistrement.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return enregistrement;
    }
}
