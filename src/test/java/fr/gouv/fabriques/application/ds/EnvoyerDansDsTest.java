package fr.gouv.fabriques.application.ds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gouv.fabriques.application.notification.Expedition;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.DsRepository;
import fr.gouv.fabriques.application.port.DsRepository.EnvoiReserve;
import fr.gouv.fabriques.ds.ClientGraphqlDs;
import fr.gouv.fabriques.ds.simulateur.ExemplesDs;
import fr.gouv.fabriques.ds.simulateur.SimulateurDs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox sender against the simulator: decisions on a dossier DS still has en construction, a row replayed after a crash. */
class EnvoyerDansDsTest {

    private SimulateurDs sim;
    private final DsRepository repo = mock(DsRepository.class);
    private EnvoyerDansDs envoyer;
    private EcritureDs ecriture;

    @BeforeEach
    void demarrer() {
        sim = new SimulateurDs("jeton", "SW5zdHJ1Y3RldXItMQ==");
        ExemplesDs.demarches(sim);
        sim.demarrer(0);
        DsProperties p = new DsProperties("x", "i", Map.of(), Duration.ofMinutes(5), Duration.ofSeconds(10), 100, true, false, true, 0,
                new DsProperties.Envoi(true, Duration.ofSeconds(10), 20, Duration.ofMinutes(5), 3, Duration.ofSeconds(30), Duration.ofHours(1)),
                new DsProperties.Webhook(120, Duration.ofMinutes(1)));
        ecriture = new EcritureDs(repo, mock(DossierRepository.class), new Expedition("a@b.fr", "http://x"), p, new ObjectMapper());
        ConnecteurDs connecteur = ConnecteurDs.actif(new ClientGraphqlDs(sim.url(), sim::jeton, sim.instructeurId(), Duration.ofSeconds(10),
                new ObjectMapper()), List.of(), "test");
        envoyer = new EnvoyerDansDs(connecteur, repo, ecriture, Clock.systemUTC(), p, new SimpleMeterRegistry());
    }

    @AfterEach
    void arreter() {
        assertThat(sim.requetesInvalides()).isEmpty();
        sim.arreter();
    }

    private int dossier() {
        String siret = ExemplesDs.siret(23456789);
        return sim.deposer(ExemplesDs.DEMARCHE_TERRITOIRE, "a@b.fr", siret, ExemplesDs.champsValides(ExemplesDs.DEMARCHE_TERRITOIRE, siret, "Y"));
    }

    private void reserver(EnvoiReserve... lignes) {
        var stub = when(repo.reserverEnvois(anyInt(), any(), any()));
        for (EnvoiReserve l : lignes) {
            stub = stub.thenReturn(List.of(l));
        }
        stub.thenReturn(List.of());
    }

    @Test
    void irrecevableSurUnDossierEnConstructionPuisRejeuApresUnArret() {
        int n = dossier();
        String id = sim.dossier(n).orElseThrow().id();
        String actions = "[{\"action\":\"INSTRUIRE_SI_EN_CONSTRUCTION\",\"texte\":null,\"correction\":null},"
                + "{\"action\":\"REFUSER\",\"texte\":\"Irrecevable : forme juridique\",\"correction\":null}]";
        // First run; then the same row again from its start, as if the node had stopped before recording anything.
        reserver(new EnvoiReserve(1, n, id, "IRRECEVABILITE", actions, 0, 1), new EnvoiReserve(1, n, id, "IRRECEVABILITE", actions, 0, 2));
        assertThat(envoyer.envoyerEnAttente()).isEqualTo(2);
        assertThat(sim.dossier(n).orElseThrow().etat).isEqualTo("refuse");
        assertThat(sim.dossier(n).orElseThrow().motivation).contains("forme juridique");
        assertThat(sim.journal()).containsExactly("dossierPasserEnInstruction " + n, "dossierRefuser " + n, "dossierRefuser " + n + " REFUSEE");
        verify(repo, never()).reporterEnvoi(anyLong(), anyInt(), any(), anyString());
    }

    @Test
    void uneMutationVraimentRefuseeEstReporteeAvecSonErreurPuisAbandonneeALaDerniereTentative() {
        int n = dossier();
        String id = sim.dossier(n).orElseThrow().id();
        String actions = "[{\"action\":\"ACCEPTER\",\"texte\":\"Lauréat\",\"correction\":null}]";
        reserver(new EnvoiReserve(2, n, id, "DECISION_COMITE", actions, 0, 1), new EnvoiReserve(2, n, id, "DECISION_COMITE", actions, 0, 3));
        assertThat(envoyer.envoyerEnAttente()).isZero();
        verify(repo).reporterEnvoi(eq(2L), eq(1), any(), org.mockito.ArgumentMatchers.contains("refuse ACCEPTER"));
        verify(repo).abandonnerEnvoi(eq(2L), eq(3), org.mockito.ArgumentMatchers.contains("refuse ACCEPTER"));
        assertThat(sim.dossier(n).orElseThrow().etat).isEqualTo("en_construction");
    }
}
