package fr.gouv.fabriques.application.convention;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConventionProperties.class)
class ConventionConfiguration {
}
