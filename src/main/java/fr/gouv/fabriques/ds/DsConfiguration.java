package fr.gouv.fabriques.ds;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gouv.fabriques.application.ds.ConnecteurDs;
import fr.gouv.fabriques.application.ds.ConnecteurDs.DemarcheSuivie;
import fr.gouv.fabriques.application.ds.CorrespondanceChamps;
import fr.gouv.fabriques.application.ds.DsProperties;
import fr.gouv.fabriques.domain.Appel;
import fr.gouv.fabriques.ds.simulateur.ExemplesDs;
import fr.gouv.fabriques.ds.simulateur.SimulateurDs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * Wires the démarches-simplifiées connector (README « démarches-simplifiées »): on with the token of the environment variable
 * {@code FABRIQUES_DS_JETON} (never a property: it must not sit in a file), or, in demo mode only, with
 * {@code FABRIQUES_DS_SIMULATEUR=true} ({@code fabriques.ds.simulateur}) against the simulator started here on
 * 127.0.0.1; off otherwise, which the log says once.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DsProperties.class)
class DsConfiguration {

    static final String VARIABLE_JETON = "FABRIQUES_DS_JETON";
    private static final Logger LOG = LoggerFactory.getLogger(DsConfiguration.class);

    @Bean(destroyMethod = "arreter")
    @ConditionalOnProperty(prefix = "fabriques.ds", name = "simulateur", havingValue = "true")
    SimulateurDs simulateurDs(DsProperties p, Environment env) {
        if ("production".equals(env.getProperty("fabriques.mode", "demo").strip().toLowerCase(Locale.ROOT))) {
            throw new IllegalStateException("Le simulateur démarches-simplifiées (FABRIQUES_DS_SIMULATEUR) n'est permis qu'en mode démo");
        }
        SimulateurDs sim = new SimulateurDs(UUID.randomUUID().toString(), "SW5zdHJ1Y3RldXItc2ltdWxl");
        ExemplesDs.demarches(sim);
        if (p.simulateurExemples()) {
            ExemplesDs.dossiers(sim);
        }
        return sim.demarrer(p.simulateurPort());
    }

    @Bean
    ConnecteurDs connecteurDs(DsProperties p, ObjectProvider<SimulateurDs> simulateurs, ObjectMapper json) {
        Optional<SimulateurDs> simulateur = Optional.ofNullable(simulateurs.getIfAvailable());
        List<DemarcheSuivie> demarches = new ArrayList<>();
        for (Appel appel : Appel.values()) {
            DsProperties.Demarche d = p.demarches().get(appel.name());
            Integer numero = d == null ? null : d.numero();
            if (numero == null && simulateur.isPresent()) {
                numero = appel == Appel.FABRIQUES_TERRITOIRE ? ExemplesDs.DEMARCHE_TERRITOIRE : ExemplesDs.DEMARCHE_NUMERIQUES;
            }
            if (numero == null) {
                continue;
            }
            String source = d != null && d.correspondance() != null && !d.correspondance().isBlank() ? d.correspondance()
                    : "classpath:ds/correspondance-" + appel.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".properties";
            CorrespondanceChamps c = lire(source);
            if (c.appel() != appel) {
                throw new IllegalStateException("Correspondance des champs DS " + source + " : appel " + c.appel() + " au lieu de " + appel);
            }
            demarches.add(new DemarcheSuivie(numero, c));
        }
        if (simulateur.isPresent()) {
            SimulateurDs sim = simulateur.get();
            LOG.info("Connecteur démarches-simplifiées relié au SIMULATEUR {} (démarches {})", sim.url(), demarches.stream().map(DemarcheSuivie::numero).toList());
            return ConnecteurDs.actif(new ClientGraphqlDs(sim.url(), sim::jeton, sim.instructeurId(), p.delaiRequete(), json), demarches,
                    "relié au simulateur " + sim.url());
        }
        String jeton = System.getenv(VARIABLE_JETON);
        if (jeton == null || jeton.isBlank()) {
            LOG.info("Connecteur démarches-simplifiées désactivé : pas de jeton ({}) ; README, section « démarches-simplifiées »", VARIABLE_JETON);
            return ConnecteurDs.inactif("désactivé : la variable d'environnement " + VARIABLE_JETON + " n'est pas définie");
        }
        if (p.instructeurId().isBlank()) {
            throw new IllegalStateException("Connecteur démarches-simplifiées : fabriques.ds.instructeur-id (FABRIQUES_DS_INSTRUCTEURID) manque, "
                    + "l'identifiant GraphQL du compte instructeur du jeton");
        }
        String j = jeton.strip();
        LOG.info("Connecteur démarches-simplifiées actif sur {} (démarches {})", p.urlBase(), demarches.stream().map(DemarcheSuivie::numero).toList());
        return ConnecteurDs.actif(new ClientGraphqlDs(p.urlBase(), () -> j, p.instructeurId(), p.delaiRequete(), json), demarches,
                "actif sur " + p.urlBase());
    }

    private static CorrespondanceChamps lire(String source) {
        Resource r = new DefaultResourceLoader().getResource(source);
        try (InputStream in = r.getInputStream()) {
            return CorrespondanceChamps.lire(source, in);
        } catch (IOException e) {
            throw new UncheckedIOException("Correspondance des champs DS illisible : " + source, e);
        }
    }
}
