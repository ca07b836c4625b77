package fr.gouv.fabriques.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.security.SecuritySchemes;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The agents' door: their API ({@code /api/agents/**}) and their pages ({@code /agents/**}, the
 * printable dossier sheet) go through {@link AuthentificationAgents}. The text parameters of every
 * request to the API and the pages are then checked by {@link ParametresTexte} (JSON bodies: {@link CorpsJson}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LimitesApi.class)
@OpenAPIDefinition(info = @Info(title = "Fabriques de Territoire — API du programme", version = "1"))
@SecuritySchemes({
    @SecurityScheme(name = WebConfiguration.SECURITE_AGENTS, type = SecuritySchemeType.HTTP, scheme = "basic",
            description = "Agents : identifiant et mot de passe Camunda (ou connexion Tasklist du même navigateur, en lecture)"),
    @SecurityScheme(name = WebConfiguration.SECURITE_PORTEUR, type = SecuritySchemeType.HTTP, scheme = "bearer",
            description = "Porteur : jeton d'accès reçu au dépôt (jetonAcces)")
})
class WebConfiguration implements WebMvcConfigurer {

    static final String SECURITE_AGENTS = "agents";
    static final String SECURITE_PORTEUR = "jetonPorteur";
    static final String CHEMIN_AGENTS = "/api/agents/**";
    static final String CHEMIN_PAGES_AGENTS = "/agents/**";

    private final AuthentificationAgents authentification;

    WebConfiguration(AuthentificationAgents authentification) {
        this.authentification = authentification;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(authentification).addPathPatterns(CHEMIN_AGENTS, CHEMIN_PAGES_AGENTS);
        registry.addInterceptor(new ParametresTexte()).addPathPatterns("/api/**", CHEMIN_PAGES_AGENTS);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new AgentCourantResolver());
    }
}
