package fr.gouv.fabriques.securite;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The limits per client address (fabriques.limites) and the filter of the applicants' API. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LimitesProperties.class)
public class SecuriteNavigateurConfiguration {

    @Bean
    Limites limites(LimitesProperties proprietes) {
        return new Limites(proprietes);
    }

    @Bean
    FilterRegistrationBean<FiltreLimitesPorteurs> limitesPorteurs(Limites limites) {
        FilterRegistrationBean<FiltreLimitesPorteurs> enregistrement = new FilterRegistrationBean<>(new FiltreLimitesPorteurs(limites));
        enregistrement.setName("fabriques-limites-porteurs");
        enregistrement.addUrlPatterns(FiltreLimitesPorteurs.CHEMIN_DOSSIERS, FiltreLimitesPorteurs.CHEMIN_DOSSIERS + "/*");
        // Early: a refused request costs nothing (its multipart body is never parsed).
        enregistrement.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return enregistrement;
    }
}
