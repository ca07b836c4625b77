package fr.gouv.fabriques.integration;

import static fr.gouv.fabriques.integration.Http.basic;
import static fr.gouv.fabriques.integration.Http.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gouv.fabriques.application.port.ProgrammeRepository;
import fr.gouv.fabriques.application.vague.CreerVague;
import fr.gouv.fabriques.domain.Categorie;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ending a dossier before its closure, in every phase: the applicant's withdrawal during instruction
 * and at the committee, a laureate's renunciation once paid, the State's cancellation validated by a
 * second gestionnaire; and a Cockpit cancellation of a running dossier's process, refused.
 */
@IntegrationTest
class FinDossierIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.context.ApplicationContext contexte;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired
    org.camunda.bpm.engine.TaskService taches;
    @Autowired
    CreerVague creerVague;
    @Autowired
    ProgrammeRepository programmes;

    Http http;
    Parcours parcours;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        parcours = Parcours.pour(port, contexte);
    }

    private String vague() {
        String code = Parcours.codeVague("FDT", 2036);
        creerVague.creer(code, "FABRIQUES_TERRITOIRE", Parcours.dans(Duration.ofDays(600)), null);
        return code;
    }

    private long instancesEnCours(String numero) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(numero).count();
    }

    private Http.Reponse retirer(String numero, String motif) {
        return http.postJson("/api/dossiers/" + numero + "/retrait", Map.of("motif", motif), bearer(parcours.jeton(numero)));
    }

    @Test
    void lePorteurRetireSonDossierPendantLInstruction() {
        String numero = parcours.deposer(vague(), "HORS_GRANDS_CENTRES");
        parcours.executerJobs(numero);
        assertThat(taches.createTaskQuery().processInstanceBusinessKey(numero).count()).isPositive();
        Http.Reponse sansMotif = http.postJson("/api/dossiers/" + numero + "/retrait", Map.of("motif", " "), bearer(parcours.jeton(numero)));
        assertThat(sansMotif.statut()).isEqualTo(422);
        assertThat(sansMotif.corps()).contains("motif");
        assertThat(http.postJson("/api/dossiers/" + numero + "/retrait", Map.of("motif", "Autre financement"), Map.of()).statut())
                .as("sans jeton").isEqualTo(401);

        Http.Reponse r = retirer(numero, "La commune a repris le projet");
        assertThat(r.statut()).as(r.corps()).isEqualTo(200);
        assertThat(r.json().get("statut").asText()).isEqualTo("RETIRE");
        assertThat(parcours.statut(numero)).isEqualTo("RETIRE");
        assertThat(instancesEnCours(numero)).as("processus interrompus").isZero();
        assertThat(taches.createTaskQuery().processInstanceBusinessKey(numero).count()).as("tâches annulées").isZero();
        JsonNode vue = http.get("/api/dossiers/" + numero, bearer(parcours.jeton(numero))).json();
        assertThat(vue.get("historique").toString()).contains("Dossier retiré par le porteur : La commune a repris le projet");
        assertThat(jdbc.sql("select nature || '/' || etat || '/' || demandee_par from fin_dossier f join dossier d on d.id = f.dossier_id "
                + "where d.numero = ?").param(numero).query(String.class).single()).isEqualTo("RETRAIT/VALIDEE/porteur");
        Http.Reponse encore = retirer(numero, "Deuxième fois");
        assertThat(encore.statut()).isEqualTo(409);
        assertThat(encore.json().get("detail").asText()).contains("clos");
    }

    @Test
    void unLaureatRenonceAvantDeSignerSaConventionQuiDevientCaduque() {
        String code = vague();
        String numero = parcours.deposer(code, "HORS_GRANDS_CENTRES");
        parcours.instruire(numero);
        parcours.deliberer(code, Map.of(numero, "LAUREAT"));
        assertThat(parcours.publier(code)).isNull();
        parcours.executerJobs(numero);
        assertThat(parcours.statut(numero)).isEqualTo("LAUREAT");
        Http.Reponse r = retirer(numero, "Le conseil d'administration a renoncé au projet");
        assertThat(r.statut()).as(r.corps()).isEqualTo(200);
        assertThat(r.json().get("statut").asText()).isEqualTo("RENONCE");
        assertThat(jdbc.sql("select c.statut from convention c join dossier d on d.id = c.dossier_id where d.numero = ?").param(numero)
                .query(String.class).single()).isEqualTo("CADUQUE");
        JsonNode finances = http.get("/api/agents/dossiers/" + numero + "/finances", basic("financier")).json();
        assertThat(finances.get("libere").asLong()).isEqualTo(finances.get("engage").asLong()).isEqualTo(150_000);
        assertThat(instancesEnCours(numero)).isZero();
        // The signed convention arriving afterwards is refused: the dossier is closed.
        assertThat(http.postMultipart("/api/dossiers/" + numero + "/convention/signature",
                List.of(new Http.Fichier("convention-signee.pdf", "application/pdf", Televersements.pdfSigne("Lu et approuvé, " + numero))),
                Map.of("signataire", "Camille Martin, présidente"), bearer(parcours.jeton(numero))).statut()).isEqualTo(409);
    }

    @Test
    void unLaureatPayeRenonceEtRendSaPlaceEtLeNonVerse() {
        String numero = parcours.conventionne(vague(), "HORS_GRANDS_CENTRES");
        parcours.ordonnancerEtValider(numero);
        assertThat(instancesEnCours(numero)).isPositive();

        Http.Reponse r = retirer(numero, "L'association est dissoute, le lieu ferme");
        assertThat(r.statut()).as(r.corps()).isEqualTo(200);
        assertThat(r.json().get("statut").asText()).isEqualTo("RENONCE");
        assertThat(instancesEnCours(numero)).isZero();
        assertThat(jdbc.sql("select c.statut from convention c join dossier d on d.id = c.dossier_id where d.numero = ?").param(numero)
                .query(String.class).single()).isEqualTo("RESILIEE");
        // 150 000 € committed, 50 000 € paid: 100 000 € and the place go back to the programme (its counter matches the database).
        JsonNode finances = http.get("/api/agents/dossiers/" + numero + "/finances", basic("financier")).json();
        assertThat(finances.get("libere").asLong()).isEqualTo(100_000);
        assertThat(http.get("/api/dossiers/" + numero, bearer(parcours.jeton(numero))).json().get("historique").toString())
                .contains("Le lauréat renonce à la subvention").contains("100 000 €");
        long laureatsEnBase = jdbc.sql("select count(*) from dossier where categorie = 'HORS_GRANDS_CENTRES' and statut in "
                + "('LAUREAT', 'CONVENTION_SIGNEE_PORTEUR', 'CONVENTIONNE', 'VERSEMENTS_SUSPENDUS', 'SOLDE', 'SOLDE_APRES_REVERSEMENT', 'RESILIE')")
                .query(Long.class).single();
        assertThat(programmes.lire().laureats().get(Categorie.HORS_GRANDS_CENTRES)).isEqualTo((int) laureatsEnBase);
    }

    @Test
    void auComiteUnDossierAnnuleEtUnDossierRetireQuittentLaSeanceSansBloquerLaPublication() {
        String code = vague();
        String a = parcours.deposer(code, "HORS_GRANDS_CENTRES");
        String b = parcours.deposer(code, "HORS_GRANDS_CENTRES");
        String c = parcours.deposer(code, "HORS_GRANDS_CENTRES");
        for (String n : List.of(a, b, c)) {
            parcours.instruire(n);
        }
        runtime.createMessageCorrelation("ClotureVague").processInstanceBusinessKey(code).correlate();
        parcours.completer(code, "UserTask_PreparerSeance", "gestionnaire", Map.of("seancePreparee", true));
        parcours.executerJobs(code);
        // A decided (not yet published), B and C still to decide.
        Http.Reponse enBloc = http.envoyer("PUT", "/api/agents/vagues/" + code + "/decisions", Http.texte(List.of(Map.of("numero", a,
                "decision", "LAUREAT", "montant1", 50000, "montant2", 50000, "montant3", 50000))), "application/json", basic("comite"));
        assertThat(enBloc.statut()).as(enBloc.corps()).isEqualTo(200);

        // The State cancels A: asked by one gestionnaire, refused to himself, validated by another.
        Http.Reponse demande = http.postJson("/api/agents/dossiers/" + a + "/annulation", Map.of("motif", "Fausse déclaration sur les statuts"),
                basic("gestionnaire"));
        assertThat(demande.statut()).as(demande.corps()).isEqualTo(202);
        assertThat(http.postJson("/api/agents/dossiers/" + a + "/annulation", Map.of("motif", "Deuxième demande pour le même dossier"),
                basic("gestionnaire2")).statut()).as("une demande attend déjà").isEqualTo(409);
        assertThat(http.postJson("/api/agents/dossiers/" + a + "/annulation", Map.of("motif", "Fraude présumée"), basic("instructeur")).statut())
                .isEqualTo(403);
        assertThatThrownBy(() -> parcours.completer(a, "UserTask_ValiderAnnulation", "gestionnaire", Map.of("decisionAnnulation", "VALIDE")))
                .hasMessageContaining("quatre yeux");
        taches.setAssignee(taches.createTaskQuery().processInstanceBusinessKey(a).taskDefinitionKey("UserTask_ValiderAnnulation")
                .singleResult().getId(), null);
        assertThat(parcours.statut(a)).isEqualTo("INSTRUIT");
        parcours.completer(a, "UserTask_ValiderAnnulation", "gestionnaire2", Map.of("decisionAnnulation", "VALIDE"));
        assertThat(parcours.statut(a)).isEqualTo("ANNULE");
        assertThat(jdbc.sql("select count(*) from decision_comite dc join dossier d on d.id = dc.dossier_id where d.numero = ?").param(a)
                .query(Integer.class).single()).as("sa décision proposée est oubliée").isZero();

        // The applicant of B withdraws during the session: its decision task closes by itself.
        assertThat(retirer(b, "Nous renonçons à candidater").statut()).isEqualTo(200);
        assertThat(taches.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("UserTask_DeciderDossier")
                .taskVariableValueEquals("numero", b).count()).isZero();

        parcours.deciderTaches(code, Map.of(c, "REFUSE"));
        assertThat(parcours.publier(code)).isNull();
        assertThat(jdbc.sql("select statut from dossier where numero in (?, ?, ?) order by numero").param(a).param(b).param(c)
                .query(String.class).list()).containsExactly("ANNULE", "RETIRE", "REFUSE");
        assertThat(jdbc.sql("select refuses || '/' || laureats from publication_vague where vague = ?").param(code).query(String.class).single())
                .isEqualTo("1/0");
        assertThat(http.get("/api/dossiers/" + a, bearer(parcours.jeton(a))).json().get("historique").toString())
                .contains("Dossier annulé par l'État : Fausse déclaration sur les statuts");
    }

    @Test
    void annulerLeProcessusDUnDossierEnCoursDepuisCockpitEstRefuse() {
        String numero = parcours.deposer(vague(), "HORS_GRANDS_CENTRES");
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(numero).processDefinitionKey("Process_Dossier")
                .singleResult().getId();
        Http.Reponse r = http.envoyer("DELETE", "/engine-rest/process-instance/" + instance, null, null, basic("admin"));
        assertThat(r.statut()).as(r.corps()).isEqualTo(400);
        assertThat(r.json().get("message").asText()).contains("ne s'annule pas depuis Cockpit").contains("/annulation");
        assertThat(instancesEnCours(numero)).isPositive();
        assertThat(parcours.statut(numero)).isIn("DEPOSE", "EN_INSTRUCTION");
    }
}
