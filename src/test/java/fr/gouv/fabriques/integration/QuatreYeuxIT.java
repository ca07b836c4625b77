package fr.gouv.fabriques.integration;

import static fr.gouv.fabriques.integration.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Four eyes on the server: an agent who is both instructor and programme manager
 * cannot validate his own proposal — even through /engine-rest, where Tasklist's
 * screens are not there to stop him.
 */
@IntegrationTest
class QuatreYeuxIT {

    static final String DOUBLE_CASQUETTE = "double-casquette";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.context.ApplicationContext contexte;
    @Autowired
    IdentityService identite;
    @Autowired
    TaskService taches;
    @Autowired
    fr.gouv.fabriques.application.vague.CreerVague creerVague;

    @BeforeEach
    void agentAuxDeuxRoles() {
        User u = identite.newUser(DOUBLE_CASQUETTE);
        u.setPassword("demo");
        u.setFirstName("Dominique");
        u.setLastName("Deux-Rôles");
        // « demo » like the demo accounts: outside the password policy, as the application creates them.
        ((org.camunda.bpm.engine.impl.IdentityServiceImpl) identite).saveUser(u, true);
        identite.createMembership(DOUBLE_CASQUETTE, "instructeurs");
        identite.createMembership(DOUBLE_CASQUETTE, "gestionnaires");
    }

    @AfterEach
    void retirer() {
        identite.deleteUser(DOUBLE_CASQUETTE);
    }

    @Test
    void celuiQuiAInstruitNePeutPasValider() {
        Http http = new Http(port);
        Parcours parcours = Parcours.pour(port, contexte);
        String vague = Parcours.codeVague("FDT", 2036);
        creerVague.creer(vague, "FABRIQUES_TERRITOIRE", Parcours.dans(Duration.ofDays(700)), null);
        String numero = parcours.deposer(vague, "HORS_GRANDS_CENTRES");
        parcours.completer(numero, "UserTask_VerifierCompletude", "instructeur", Map.of("complet", "true"));
        parcours.completer(numero, "UserTask_DonnerAvisTerritorial", "referent-58", Map.of("avisTerritorial", "FAVORABLE"));
        Map<String, Object> instruction = new java.util.HashMap<>(Map.of("noteGouvernance", 4, "notePartenariats", 4,
                "noteBesoinLocal", 4, "noteOffreServices", 4, "noteModeleEconomique", 4, "noteEmploi", 4));
        instruction.putAll(Map.of("montantPropose1", 50000, "montantPropose2", 50000, "montantPropose3", 50000,
                "motifProposition", "Projet solide et bien ancré", "absenceConflitInterets", true));
        parcours.completer(numero, "UserTask_InstruireDossier", DOUBLE_CASQUETTE, instruction);

        String id = http.get("/engine-rest/task?processInstanceBusinessKey=" + numero + "&taskDefinitionKey=UserTask_ValiderProposition",
                basic(DOUBLE_CASQUETTE)).json().get(0).get("id").asText();
        assertThat(http.postJson("/engine-rest/task/" + id + "/claim", Map.of("userId", DOUBLE_CASQUETTE), basic(DOUBLE_CASQUETTE)).statut())
                .isEqualTo(204);
        Http.Reponse r = http.postJson("/engine-rest/task/" + id + "/submit-form", Http.variables("propositionValidee", "true"),
                basic(DOUBLE_CASQUETTE));
        assertThat(r.statut()).isEqualTo(400);
        assertThat(r.json().get("message").asText()).contains("quatre yeux").contains(DOUBLE_CASQUETTE);
        assertThat(parcours.statut(numero)).isEqualTo("EN_INSTRUCTION");

        // The task stays open; it is handed back so that another programme manager validates it.
        taches.setAssignee(id, null);
        parcours.completer(numero, "UserTask_ValiderProposition", "gestionnaire", Map.of("propositionValidee", "true"));
        assertThat(parcours.statut(numero)).isEqualTo("INSTRUIT");
        assertThat(jdbc.sql("select validee_par from instruction i join dossier d on d.id = i.dossier_id where d.numero = ?")
                .param(numero).query(String.class).single()).isEqualTo("gestionnaire");
    }
}
