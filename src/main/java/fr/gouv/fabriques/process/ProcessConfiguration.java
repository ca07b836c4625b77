package fr.gouv.fabriques.process;

import fr.gouv.fabriques.process.commun.ChampsDeclaresPlugin;
import fr.gouv.fabriques.process.commun.ContenusFormulaires;
import fr.gouv.fabriques.process.commun.VariablesCalculeesFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;

import fr.gouv.fabriques.application.Delais;
import fr.gouv.fabriques.domain.Vague;
import fr.gouv.fabriques.process.commun.DecorationTachesPlugin;
import fr.gouv.fabriques.process.commun.DelaisProcessus;
import fr.gouv.fabriques.process.commun.ErreursFormulairePlugin;
import fr.gouv.fabriques.process.commun.HorlogeMoteur;
import fr.gouv.fabriques.process.commun.ErreursRestMoteur;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Engine-side beans: the shared clock, the deadlines the models read, the task-name decoration,
 * the engine REST API's errors answered in French (refused forms: 400 without the engine's English prefix).
 */
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
    DecorationTachesPlugin decorationTachesPlugin(fr.gouv.fabriques.process.commun.TachesConnues connues) {
        return new DecorationTachesPlugin(connues);
    }

    /** The full history without the variables' details (doc/adr/0021). */
    @Bean
    fr.gouv.fabriques.process.commun.HistoriqueSansDetailsPlugin historiqueSansDetailsPlugin() {
        return new fr.gouv.fabriques.process.commun.HistoriqueSansDetailsPlugin();
    }

    /** Around the engine's REST (Tasklist's and /engine-rest): the forms' computed variables, see {@link ContenusFormulaires}. */
    @Bean
    FilterRegistrationBean<VariablesCalculeesFilter> variablesCalculeesFilter(ObjectProvider<ContenusFormulaires> contenus) {
        // Resolved at the first request: filters are built with the web server, before the database and the engine.
        FilterRegistrationBean<VariablesCalculeesFilter> enregistrement = new FilterRegistrationBean<>(new VariablesCalculeesFilter(contenus::getObject));
        enregistrement.addUrlPatterns("/camunda/api/engine/*", "/engine-rest/*");
        // Before the engine's authentication filters, so that it wraps their answer.
        enregistrement.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return enregistrement;
    }

    /** Completing a task accepts only the fields of its deployed form (issue « task data is the server's »). */
    /** Indexes and planner statistics on the engine's tables, once the engine has created them (db/moteur). */
    @Bean
    fr.gouv.fabriques.process.commun.SchemaMoteurPlugin schemaMoteurPlugin(javax.sql.DataSource base) {
        return new fr.gouv.fabriques.process.commun.SchemaMoteurPlugin(base);
    }

    /** Which of an agent's groups hold an authorization, by index rather than by reading them all (doc/adr/0024). */
    @Bean
    fr.gouv.fabriques.process.commun.GroupesAutorisesPlugin groupesAutorisesPlugin() {
        return new fr.gouv.fabriques.process.commun.GroupesAutorisesPlugin();
    }

    @Bean
    ChampsDeclaresPlugin champsDeclaresPlugin() {
        return new ChampsDeclaresPlugin();
    }

    /** A running dossier's process is not cancelled from Cockpit: its cancellation goes through the dossier's own path. */
    @Bean
    fr.gouv.fabriques.process.commun.SuppressionDossierRefuseePlugin suppressionDossierRefuseePlugin(javax.sql.DataSource base) {
        return new fr.gouv.fabriques.process.commun.SuppressionDossierRefuseePlugin(base);
    }

    @Bean
    ErreursFormulairePlugin erreursFormulairePlugin() {
        return new ErreursFormulairePlugin();
    }

    /**
     * On /engine-rest and on the webapps' copy of it (/camunda/api/engine): the engine's error answers in
     * French, without internals (see the filter). Default order: after the engine's authentication filter.
     */
    @Bean
    FilterRegistrationBean<ErreursRestMoteur> erreursRestMoteur(
            @Value("${spring.jersey.application-path:/engine-rest}") String cheminRest,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String cheminWebapps) {
        FilterRegistrationBean<ErreursRestMoteur> enregistrement = new FilterRegistrationBean<>(new ErreursRestMoteur(cheminRest, cheminWebapps));
        enregistrement.setName("fabriques-erreurs-rest-moteur");
        enregistrement.addUrlPatterns(cheminRest.replaceAll("/+$", "") + "/*", cheminWebapps.replaceAll("/+$", "") + "/api/engine/*");
        return enregistrement;
    }
}
