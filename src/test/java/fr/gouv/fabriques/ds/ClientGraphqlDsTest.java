package fr.gouv.fabriques.ds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gouv.fabriques.application.port.DemarchesSimplifiees.ActionDs;
import fr.gouv.fabriques.application.port.DemarchesSimplifiees.DossierDs;
import fr.gouv.fabriques.application.port.DemarchesSimplifiees.DsIndisponible;
import fr.gouv.fabriques.application.port.DemarchesSimplifiees.DsJetonRefuse;
import fr.gouv.fabriques.application.port.DemarchesSimplifiees.Page;
import fr.gouv.fabriques.ds.simulateur.ExemplesDs;
import fr.gouv.fabriques.ds.simulateur.SimulateurDs;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against the simulator: every query and mutation, each validated by graphql-java on the schema subset; HTTP failures. */
class ClientGraphqlDsTest {

    private SimulateurDs sim;
    private ClientGraphqlDs client;

    @BeforeEach
    void demarrer() {
        sim = new SimulateurDs("jeton-secret-de-test", "SW5zdHJ1Y3RldXItMQ==");
        ExemplesDs.demarches(sim);
        sim.demarrer(0);
        client = new ClientGraphqlDs(sim.url(), sim::jeton, sim.instructeurId(), Duration.ofSeconds(10), new ObjectMapper());
    }

    @AfterEach
    void arreter() {
        assertThat(sim.requetesInvalides()).isEmpty();
        sim.arreter();
    }

    @Test
    void chaqueRequeteEtMutationPasseContreLeSchema() {
        String siret = ExemplesDs.siret(12345678);
        int n = sim.deposer(ExemplesDs.DEMARCHE_TERRITOIRE, "a@exemple.fr", siret, ExemplesDs.champsValides(ExemplesDs.DEMARCHE_TERRITOIRE, siret, "X"));
        Page page = client.dossiersModifies(ExemplesDs.DEMARCHE_TERRITOIRE, null, null, 100);
        assertThat(page.dossiers()).hasSize(1);
        DossierDs d = page.dossiers().get(0);
        assertThat(d.champ(ExemplesDs.id(103)).orElseThrow().texte()).isEqualTo(siret);
        assertThat(d.champ(ExemplesDs.id(106)).orElseThrow().commune().codeInsee()).isEqualTo("58194");
        assertThat(d.champ(ExemplesDs.id(112)).orElseThrow().valeurs()).hasSize(2);
        var fichier = d.champ(ExemplesDs.id(119)).orElseThrow().fichiers().get(0);
        assertThat(SimulateurDs.FichierSim.md5(client.telecharger(fichier.url()))).isEqualTo(fichier.md5());
        assertThat(client.dossier(n)).isPresent();
        assertThat(client.formulaire(ExemplesDs.DEMARCHE_TERRITOIRE).champs()).hasSizeGreaterThan(15);

        assertThat(client.executer(ActionDs.PASSER_EN_INSTRUCTION, d.id(), null, null)).isEmpty();
        assertThat(client.executer(ActionDs.PASSER_EN_INSTRUCTION, d.id(), null, null)).isNotEmpty();
        assertThat(client.etat(n)).contains("en_instruction");
        assertThat(client.executer(ActionDs.REPASSER_EN_CONSTRUCTION, d.id(), null, null)).isEmpty();
        assertThat(client.executer(ActionDs.MESSAGE, d.id(), "Pièces manquantes", "incomplete")).isEmpty();
        assertThat(client.executer(ActionDs.PASSER_EN_INSTRUCTION, d.id(), null, null)).isEmpty();
        assertThat(client.executer(ActionDs.REFUSER, d.id(), "motif", null)).isEmpty();
        assertThat(client.executer(ActionDs.REPASSER_EN_INSTRUCTION, d.id(), null, null)).isEmpty();
        assertThat(client.executer(ActionDs.CLASSER_SANS_SUITE, d.id(), "motif", null)).isEmpty();
        assertThat(client.executer(ActionDs.REPASSER_EN_INSTRUCTION, d.id(), null, null)).isEmpty();
        assertThat(client.executer(ActionDs.ACCEPTER, d.id(), "bravo", null)).isEmpty();
        assertThat(sim.dossier(n).orElseThrow().etat).isEqualTo("accepte");
        assertThat(client.dossier(999_999)).isEmpty();
    }

    @Test
    void jetonRefuseIndisponibiliteEtDelaiDepasse() {
        sim.panne(401, 1);
        assertThatThrownBy(() -> client.formulaire(ExemplesDs.DEMARCHE_TERRITOIRE)).isInstanceOf(DsJetonRefuse.class)
                .hasMessageNotContaining("jeton-secret-de-test");
        sim.panne(503, 1);
        assertThatThrownBy(() -> client.formulaire(ExemplesDs.DEMARCHE_TERRITOIRE)).isInstanceOf(DsIndisponible.class);
        sim.panne(429, 1);
        assertThatThrownBy(() -> client.formulaire(ExemplesDs.DEMARCHE_TERRITOIRE)).isInstanceOf(DsIndisponible.class);
        sim.lenteur(Duration.ofSeconds(2));
        ClientGraphqlDs presse = new ClientGraphqlDs(sim.url(), sim::jeton, sim.instructeurId(), Duration.ofMillis(300), new ObjectMapper());
        assertThatThrownBy(() -> presse.formulaire(ExemplesDs.DEMARCHE_TERRITOIRE)).isInstanceOf(DsIndisponible.class);
        sim.retablir();
        ClientGraphqlDs mauvais = new ClientGraphqlDs(sim.url(), () -> "autre", sim.instructeurId(), Duration.ofSeconds(2), new ObjectMapper());
        assertThatThrownBy(() -> mauvais.formulaire(ExemplesDs.DEMARCHE_TERRITOIRE)).isInstanceOf(DsJetonRefuse.class);
        assertThat(client.formulaire(ExemplesDs.DEMARCHE_TERRITOIRE).titre()).isEqualTo("Fabriques de Territoire");
    }
}
