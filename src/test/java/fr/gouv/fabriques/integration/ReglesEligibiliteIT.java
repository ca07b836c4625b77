package fr.gouv.fabriques.integration;

import static fr.gouv.fabriques.integration.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The programme's rules are the eligibility table's alone (doc/adr/0007): a deposit that breaks
 * one is refused with the table's field and reason, an analyst's newly deployed table applies
 * from the next deposit, and each dossier records the version of the table that decided.
 */
@IntegrationTest
class ReglesEligibiliteIT {

    private static final String DECISION = "Decision_Eligibilite";
    private static final String FORMES_ADMISES = "not(\"ASSOCIATION\",\"SCIC\",";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RepositoryService repository;
    @Autowired
    org.camunda.bpm.engine.HistoryService historyService;
    @Autowired
    ApplicationContext contexte;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    private int dossiers() {
        return jdbc.sql("select count(*) from dossier").query(Integer.class).single();
    }

    private static List<String> erreurs(Http.Reponse r) {
        List<String> e = new ArrayList<>();
        r.json().get("erreurs").forEach(x -> e.add(x.get("champ").asText() + " : " + x.get("message").asText()));
        return e;
    }

    private Http.Reponse deposer(Consumer<ObjectNode> modifier) {
        ObjectNode depot = Depots.valide();
        modifier.accept(depot);
        return http.postJson("/api/dossiers", depot, Map.of());
    }

    private static ObjectNode structure(ObjectNode depot) {
        return (ObjectNode) depot.get("structure");
    }

    private static ObjectNode montants(ObjectNode depot, int a1, int a2, int a3) {
        return ((ObjectNode) depot.get("montantsDemandes")).put("annee1", a1).put("annee2", a2).put("annee3", a3);
    }

    @Test
    void chaqueRegleDuProgrammeRefuseLeDepotAvecLeChampEtLeMotifDeLaTable() {
        int avant = dossiers();
        assertThat(erreurs(deposer(d -> montants(d, 20_000, 20_000, 20_000))))
                .containsExactly("montantsDemandes : Le montant total demandé est inférieur au plancher de 75 000 € sur 3 ans");
        assertThat(erreurs(deposer(d -> montants(d, 60_000, 40_000, 40_000))))
                .containsExactly("montantsDemandes : Un montant annuel dépasse le plafond de 50 000 € par an");
        assertThat(erreurs(deposer(d -> montants(d, 60_000, 60_000, 60_000)))).containsExactly(
                "montantsDemandes : Le montant total demandé dépasse le plafond de 150 000 € sur 3 ans",
                "montantsDemandes : Un montant annuel dépasse le plafond de 50 000 € par an");
        assertThat(erreurs(deposer(d -> d.put("categorie", "QPV"))))
                .containsExactly("structure.codeQpv : La catégorie demandée exige une implantation en quartier prioritaire (code QPV)");
        assertThat(erreurs(deposer(d -> {
            d.put("categorie", "NUMERIQUE_QPV");
            structure(d).put("codeQpv", "QP058001");
        }))).containsExactly("categorie : Une Fabrique numérique se dépose dans l'appel Fabriques numériques de territoire");
        assertThat(erreurs(deposer(d -> d.put("appel", "FABRIQUES_NUMERIQUES"))))
                .containsExactly("categorie : L'appel Fabriques numériques ne reçoit que la catégorie NUMERIQUE_QPV");
        assertThat(erreurs(deposer(d -> structure(d).put("formeJuridique", "ENTREPRISE_INDIVIDUELLE"))))
                .containsExactly("structure.formeJuridique : La forme juridique de la structure n'est pas admise à candidater");
        Http.Reponse lyon = deposer(d -> ((ObjectNode) structure(d).get("adresse")).put("ligne", "1 place Bellecour").put("codePostal", "69002")
                .put("commune", "Lyon").put("codeInsee", "69123").put("departement", "69").put("region", "84"));
        assertThat(lyon.statut()).as(lyon.corps()).isEqualTo(422);
        assertThat(erreurs(lyon)).singleElement().asString().startsWith("categorie : La commune appartient à une métropole");
        assertThat(dossiers()).as("rien n'est enregistré").isEqualTo(avant);
    }

    @Test
    void chaqueDossierEnregistreLaVersionDeLaTableQuiLAJugeRecevable() {
        Parcours parcours = Parcours.pour(port, contexte);
        Http.Reponse r = deposer(d -> { });
        assertThat(r.statut()).as(r.corps()).isEqualTo(201);
        String numero = r.json().get("numero").asText();
        parcours.executerJobs(numero);
        DecisionDefinition derniere = derniere();
        assertThat(eligibilite(numero)).isEqualTo(Map.of("decision", derniere.getId(), "version", derniere.getVersion(),
                "statut", "EN_INSTRUCTION"));
        assertThat(journal(numero, "RECEVABILITE")).contains("Dossier recevable : instruction ouverte (table d'éligibilité "
                + DECISION + " v" + derniere.getVersion() + ")");
    }

    /** The analyst deploys through the engine's REST API (as Camunda Modeler does), with his own rights. */
    @Test
    void uneTableDeployeeParUnAnalysteSAppliqueDesLeDepotSuivant() throws IOException {
        String originale = Files.readString(Path.of("bpmn/eligibilite.dmn"), StandardCharsets.UTF_8);
        assertThat(originale).contains(FORMES_ADMISES);
        Consumer<ObjectNode> entrepriseIndividuelle = d -> structure(d).put("formeJuridique", "ENTREPRISE_INDIVIDUELLE");
        assertThat(deposer(entrepriseIndividuelle).statut()).isEqualTo(422);
        try {
            int version = deployerParLAnalyste(originale.replace(FORMES_ADMISES, "not(\"ENTREPRISE_INDIVIDUELLE\",\"ASSOCIATION\",\"SCIC\","));
            Http.Reponse r = deposer(entrepriseIndividuelle);
            assertThat(r.statut()).as(r.corps()).isEqualTo(201);
            String numero = r.json().get("numero").asText();
            Parcours.pour(port, contexte).executerJobs(numero);
            assertThat(eligibilite(numero)).containsEntry("version", version).containsEntry("statut", "EN_INSTRUCTION");
        } finally {
            deployerParLAnalyste(originale);
        }
        assertThat(deposer(entrepriseIndividuelle).statut()).as("la table d'origine redéployée s'applique de nouveau").isEqualTo(422);
    }

    /**
     * A dossier accepted at the deposit is judged in the same transaction by the process's eligibility step (doc/adr/0022),
     * with the version that accepted it, evaluated once: a stricter table deployed afterwards does not reopen it, and
     * applies to the next deposit, refused in 422 with the new table's reasons.
     */
    @Test
    void unDossierResteJugeParLaTableQuiLAccepteUneTablePlusStricteSAppliqueAuDepotSuivant() throws IOException {
        String originale = Files.readString(Path.of("bpmn/eligibilite.dmn"), StandardCharsets.UTF_8);
        long evaluationsAvant = historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey(DECISION).count();
        Http.Reponse r = deposer(d -> { });
        assertThat(r.statut()).as(r.corps()).isEqualTo(201);
        String numero = r.json().get("numero").asText();
        int acceptee = derniere().getVersion();
        assertThat(eligibilite(numero)).containsEntry("version", acceptee).containsEntry("statut", "EN_INSTRUCTION");
        assertThat(historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey(DECISION).count() - evaluationsAvant)
                .as("la table évaluée une fois pour le dépôt et son étape d'éligibilité").isEqualTo(1);
        assertThat(journal(numero, "RECEVABILITE")).contains("Dossier recevable : instruction ouverte (table d'éligibilité " + DECISION + " v"
                + acceptee + ")");
        try {
            int stricte = deployerParLAnalyste(originale.replace(FORMES_ADMISES, "not(\"SCIC\","));
            Parcours.pour(port, contexte).executerJobs(numero);
            assertThat(eligibilite(numero)).containsEntry("version", acceptee).containsEntry("statut", "EN_INSTRUCTION");
            Http.Reponse suivant = deposer(d -> { });
            assertThat(suivant.statut()).as(suivant.corps()).isEqualTo(422);
            assertThat(suivant.corps()).contains("La forme juridique de la structure n'est pas admise à candidater");
            assertThat(stricte).isGreaterThan(acceptee);
        } finally {
            deployerParLAnalyste(originale);
        }
    }

    private int deployerParLAnalyste(String dmn) {
        Http.Reponse r = http.postMultipart("/engine-rest/deployment/create",
                Map.of("eligibilite.dmn", List.of(new Http.Fichier("eligibilite.dmn", "application/xml", dmn.getBytes(StandardCharsets.UTF_8)))),
                Map.of("deployment-name", "Éligibilité modifiée par un analyste", "deployment-source", "Camunda Modeler"), basic("analyste"));
        assertThat(r.statut()).as(r.corps()).isEqualTo(200);
        DecisionDefinition d = derniere();
        assertThat(d.getDeploymentId()).isEqualTo(r.json().get("id").asText());
        return d.getVersion();
    }

    private DecisionDefinition derniere() {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION).latestVersion().singleResult();
    }

    private Map<String, Object> eligibilite(String numero) {
        return jdbc.sql("""
                select i.eligibilite_decision as decision, i.eligibilite_version as version, d.statut
                from instruction i join dossier d on d.id = i.dossier_id where d.numero = ?
                """).param(numero).query().singleRow();
    }

    private List<String> journal(String numero, String type) {
        return jdbc.sql("select e.libelle from evenement_dossier e join dossier d on d.id = e.dossier_id where d.numero = ? and e.type = ?")
                .param(numero).param(type).query(String.class).list();
    }
}
