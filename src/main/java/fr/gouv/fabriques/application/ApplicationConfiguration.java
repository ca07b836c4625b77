package fr.gouv.fabriques.application;

import fr.gouv.fabriques.application.piece.LimitesPieces;
import fr.gouv.fabriques.domain.PlafondsFinancement;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({FabriquesProperties.class, Delais.class, ProgrammeProperties.class, LimitesPieces.class})
class ApplicationConfiguration {

    @Bean
    PlafondsFinancement plafondsFinancement(FabriquesProperties proprietes) {
        return proprietes.plafonds();
    }
}
