package fr.gouv.fabriques.process;

import fr.gouv.fabriques.application.Delais;
import fr.gouv.fabriques.domain.Vague;
import fr.gouv.fabriques.process.commun.DecorationTachesPlugin;
import fr.gouv.fabriques.process.commun.DelaisProcessus;
import fr.gouv.fabriques.process.commun.ErreursFormulairePlugin;
import fr.gouv.fabriques.process.commun.HorlogeMoteur;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Engine-side beans: the shared clock, the deadlines the models read, the task-name decoration. */
@Configuration(proxyBeanMethods = false)
class ProcessConfiguration {

    @Bean
    Clock horloge() {
        return new HorlogeMoteur(Vague.FUSEAU);
    }

    /** Read by the models as {@code ${delais.…}}. */
    @Bean("delais")
    DelaisProcessus delais(Delais delais) {
        return new DelaisProcessus(delais);
    }

    @Bean
    DecorationTachesPlugin decorationTachesPlugin() {
        return new DecorationTachesPlugin();
    }

    @Bean
    ErreursFormulairePlugin erreursFormulairePlugin() {
        return new ErreursFormulairePlugin();
    }
}
