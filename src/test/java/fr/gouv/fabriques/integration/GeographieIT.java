package fr.gouv.fabriques.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The reference geography through the deposit API: address agreement, and the « hors métropole » eligibility rule. */
@IntegrationTest
class GeographieIT {

    @LocalServerPort
    int port;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    private static ObjectNode depot(String codePostal, String commune, String codeInsee, String departement, String region) {
        ObjectNode d = Depots.valide();
        ObjectNode a = (ObjectNode) d.get("structure").get("adresse");
        a.put("codePostal", codePostal).put("commune", commune).put("codeInsee", codeInsee).put("departement", departement).put("region", region);
        return d;
    }

    @Test
    void uneAdresseDiscordanteEstRefuseeChampParChamp() {
        Http.Reponse r = http.postJson("/api/dossiers", depot("75001", "Nevers", "58194", "75", "11"), Map.of());
        assertThat(r.statut()).as(r.corps()).isEqualTo(422);
        assertThat(r.entete("Content-Type")).startsWith("application/problem+json");
        List<String> champs = new ArrayList<>();
        r.json().get("erreurs").forEach(e -> champs.add(e.get("champ").asText()));
        assertThat(champs).containsExactly("structure.adresse.departement", "structure.adresse.region", "structure.adresse.codePostal");
        assertThat(r.json().get("erreurs").get(0).get("message").asText()).contains("attendu : 58");
        assertThat(r.json().get("erreurs").get(2).get("message").asText()).contains("attendu : 58000");

        Http.Reponse inconnu = http.postJson("/api/dossiers", depot("58000", "Nevers", "58999", "58", "27"), Map.of());
        assertThat(inconnu.statut()).isEqualTo(422);
        assertThat(inconnu.json().get("erreurs").get(0).get("champ").asText()).isEqualTo("structure.adresse.codeInsee");
    }

    /** The métropole rule is the eligibility table's (doc/adr/0007): the deposit is refused with its reason, nothing is written. */
    @Test
    void horsGrandsCentresDansLaMetropoleDeLyonEstRefuseAuDepot() {
        int avant = jdbc.sql("select count(*) from dossier").query(Integer.class).single();
        Http.Reponse r = http.postJson("/api/dossiers", depot("69003", "Lyon", "69383", "69", "84"), Map.of());
        assertThat(r.statut()).as(r.corps()).isEqualTo(422);
        assertThat(r.json().get("erreurs").get(0).get("champ").asText()).isEqualTo("categorie");
        assertThat(r.json().get("erreurs").get(0).get("message").asText()).contains("La commune appartient à une métropole");
        assertThat(jdbc.sql("select count(*) from dossier").query(Integer.class).single()).isEqualTo(avant);
    }

    @Test
    void horsGrandsCentresANeversEstRecevable() {
        Http.Reponse r = http.postJson("/api/dossiers", Depots.valide(), Map.of());
        assertThat(r.statut()).as(r.corps()).isEqualTo(201);
        String numero = r.json().get("numero").asText();
        executerJobs(numero);
        assertThat(jdbc.sql("select statut from dossier where numero = ?").param(numero).query(String.class).single())
                .isEqualTo("EN_INSTRUCTION");
    }

    private void executerJobs(String numero) {
        boolean encore = true;
        while (encore) {
            encore = false;
            for (var pi : runtime.createProcessInstanceQuery().processInstanceBusinessKey(numero).list()) {
                for (Job j : management.createJobQuery().processInstanceId(pi.getId()).executable().list()) {
                    management.executeJob(j.getId());
                    encore = true;
                }
            }
        }
    }
}
