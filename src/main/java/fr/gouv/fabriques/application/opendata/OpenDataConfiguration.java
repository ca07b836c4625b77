package fr.gouv.fabriques.application.opendata;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpenDataProperties.class)
class OpenDataConfiguration {
}
