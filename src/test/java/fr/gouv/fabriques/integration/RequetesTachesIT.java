package fr.gouv.fabriques.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import fr.gouv.fabriques.process.identite.FiltresTasklist;
import fr.gouv.fabriques.process.identite.Groupes;

/**
 * What keeps Tasklist's task queries from growing with the square of the queue (ADR 0018): the migrations of
 * {@code db/moteur} applied after the engine's schema, the planner settings of every pooled connection, and the plan
 * PostgreSQL makes for the engine's authorization-checked group query on a queue of 300 tasks.
 */
@IntegrationTest
class RequetesTachesIT {

    /** A department no other test deposits in: its referents' queue holds only this test's tasks. */
    private static final String GROUPE = Groupes.PREFIXE_REFERENTS_DEPARTEMENT + "2B";
    private static final int TACHES = 300;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource base;
    @Autowired
    RepositoryService depots;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IdentityService identites;

    @Test
    void lesMigrationsDuMoteurSontAppliqueesApresSonSchema() {
        assertThat(jdbc.sql("select success from fabriques_flyway_moteur where version = '1'").query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select stxname from pg_statistic_ext where stxrelid = 'act_ru_authorization'::regclass").query(String.class).list())
                .contains("fab_stat_autorisation_bit_2", "fab_stat_autorisation_bit_4", "fab_stat_autorisation_bit_64",
                        "fab_stat_autorisation_bit_512", "fab_stat_autorisation_bit_16384");
        assertThat(jdbc.sql("select indexdef from pg_indexes where indexname = 'fab_idx_tache_echeance_creation'").query(String.class).single())
                .contains("act_ru_task").contains("(due_date_, create_time_)");
    }

    @Autowired
    org.camunda.bpm.engine.ProcessEngine moteur;

    /**
     * Before each authorization check, the groups of the agent that hold an authorization are looked up in the index on the
     * groups, one row each (doc/adr/0024), not read from every authorization: the engine grants one per candidate group of
     * every open task, 100,000 rows at 100,000 open tasks.
     */
    @Test
    void lesGroupesAutorisesDeLAgentSontSondesDansLIndexSansLireToutesLesAutorisations() throws SQLException {
        var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) moteur.getProcessEngineConfiguration();
        List<String> gardes = configuration.getCommandExecutorTxRequired().execute(c -> {
            assertThat(c.getAuthorizationManager()).isInstanceOf(fr.gouv.fabriques.process.commun.GroupesAutorisesPlugin.ParIndex.class);
            return c.getAuthorizationManager().filterAuthenticatedGroupIds(List.of(Groupes.INSTRUCTEURS, "groupe-sans-autorisation",
                    Groupes.GESTIONNAIRES));
        });
        assertThat(gardes).containsExactlyInAnyOrder(Groupes.INSTRUCTEURS, Groupes.GESTIONNAIRES);
        String requete = fr.gouv.fabriques.process.commun.GroupesAutorisesPlugin.ParIndex.requete(configuration.getDatabaseTablePrefix(), 2);
        // The plan at the size that matters: 20,000 task authorizations of other groups (one per open task and candidate group),
        // written, analyzed and rolled back in this transaction. On a table of a few rows, a sequential scan is as good.
        try (Connection c = base.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("insert into act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_)"
                        + " select 'essai-auth-' || i, 1, 1, 'groupe-essai-' || (i % 40), 7, 'tache-essai-' || i, 2"
                        + " from generate_series(1, 20000) i");
                s.execute("analyze act_ru_authorization");
                StringBuilder plan = new StringBuilder();
                try (var p = c.prepareStatement("explain (analyze, buffers off, costs off) " + requete)) {
                    p.setString(1, Groupes.INSTRUCTEURS);
                    p.setString(2, "groupe-sans-autorisation");
                    try (ResultSet r = p.executeQuery()) {
                        while (r.next()) {
                            plan.append(r.getString(1)).append('\n');
                        }
                    }
                }
                assertThat(plan.toString()).as(plan.toString()).contains("act_idx_auth_group_id")
                        .contains("Index Cond: (group_id_ = 'instructeurs'::text)")
                        .contains("Index Cond: (group_id_ = 'groupe-sans-autorisation'::text)").doesNotContain("Seq Scan");
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    @Test
    void chaqueConnexionDuPoolPlanifieAvecLesValeursEtSansMaterialisation() throws SQLException {
        try (Connection c = base.getConnection(); Statement s = c.createStatement()) {
            assertThat(valeur(s, "show plan_cache_mode")).isEqualTo("force_custom_plan");
            assertThat(valeur(s, "show enable_material")).isEqualTo("off");
        }
    }

    @Test
    void leFiltreDeGroupeSondeLIndexDesAutorisationsPourChaqueTacheAuLieuDeLesRelireToutes() throws SQLException {
        String cle = "Process_RequetesTaches_" + UUID.randomUUID().toString().substring(0, 8);
        depots.createDeployment().name("requetes-taches").addModelInstance(cle + ".bpmn", Bpmn.createExecutableProcess(cle)
                .camundaHistoryTimeToLive(1).startEvent().userTask("Tache").name("Tâche de file").camundaCandidateGroups(GROUPE).endEvent().done())
                .deploy();
        for (int i = 0; i < TACHES; i++) {
            runtime.startProcessInstanceByKey(cle);
        }
        jdbc.sql("analyze act_ru_task").update();
        jdbc.sql("analyze act_ru_identitylink").update();
        jdbc.sql("analyze act_ru_authorization").update();

        // The engine's query for a candidate group, authorization-checked, as Tasklist's group filter runs it.
        List<String> plan = new ArrayList<>();
        try (Connection c = base.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("explain (costs off) select distinct RES.ID_, RES.DUE_DATE_, RES.CREATE_TIME_ from ACT_RU_TASK RES"
                        + " left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_ left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_"
                        + " left join (select A.* from ACT_RU_AUTHORIZATION A where A.TYPE_ < 2 and (A.USER_ID_ in ('personne', '*')"
                        + " or A.GROUP_ID_ in ('" + GROUPE + "')) and ((A.RESOURCE_TYPE_ = 7 and A.PERMS_ & 2 = 2)"
                        + " or (A.RESOURCE_TYPE_ = 6 and A.PERMS_ & 64 = 64))) AUTH on (AUTH.RESOURCE_ID_ in (RES.ID_, D.KEY_, '*'))"
                        + " where RES.ASSIGNEE_ is null and I.TYPE_ = 'candidate' and I.GROUP_ID_ in ('" + GROUPE + "')"
                        + " and (RES.CASE_EXECUTION_ID_ is not null or AUTH.RESOURCE_ID_ is not null)"
                        + " order by RES.DUE_DATE_ asc, RES.CREATE_TIME_ asc limit 15")) {
            while (r.next()) {
                plan.add(r.getString(1));
            }
        }
        String texte = String.join("\n", plan);
        assertThat(texte).as(texte).doesNotContain("Materialize").contains("act_idx_auth_resource_id");

        // Through the door Tasklist uses: the filter's page and its count, for an agent of that group.
        String agent = "rt-" + UUID.randomUUID().toString().substring(0, 8);
        User utilisateur = identites.newUser(agent);
        utilisateur.setFirstName("Référent");
        utilisateur.setLastName("Haute-Corse");
        utilisateur.setPassword("Requetes-2B-taches!");
        identites.saveUser(utilisateur);
        identites.createMembership(agent, Groupes.REFERENTS_TERRITORIAUX);
        identites.createMembership(agent, GROUPE);
        Http http = new Http(port);
        Map<String, String> basic = Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString((agent + ":Requetes-2B-taches!")
                .getBytes(StandardCharsets.UTF_8)));
        String filtre = null;
        for (JsonNode f : http.envoyer("GET", "/engine-rest/filter?resourceType=Task", null, null, basic).json()) {
            if (f.get("name").asText().equals(FiltresTasklist.TACHES_DE_MON_GROUPE)) {
                filtre = f.get("id").asText();
            }
        }
        assertThat(filtre).isNotNull();
        Map<String, String> hal = new java.util.HashMap<>(basic);
        hal.put("Accept", "application/hal+json");
        Http.Reponse page = http.envoyer("POST", "/engine-rest/filter/" + filtre + "/list?firstResult=0&maxResults=15",
                "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}", "application/json", hal);
        assertThat(page.statut()).as(page.corps()).isEqualTo(200);
        assertThat(page.json().path("_embedded").path("task")).hasSize(15);
        assertThat(page.json().path("count").asLong()).isGreaterThanOrEqualTo(TACHES);
    }

    private static String valeur(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
