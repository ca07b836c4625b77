package fr.gouv.fabriques.integration;

import static fr.gouv.fabriques.integration.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.fabriques.application.exploitation.MetriquesExploitation;
import fr.gouv.fabriques.application.vague.CreerVague;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The operators' metrics over HTTP: who may read them (the collector's account and the administrator;
 * not anonymous, not an instructor nor a programme manager), and that each gauge tells the truth after a
 * few deposits, an overdue task, an incident, an exhausted job and a mail given up — compared with what
 * the engine and the tables say, and with the change the test itself made.
 */
@IntegrationTest
class MetriquesIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.context.ApplicationContext contexte;
    @Autowired
    CreerVague creerVague;
    @Autowired
    MetriquesExploitation metriques;
    @Autowired
    TaskService taches;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    Http http;
    Parcours parcours;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        parcours = Parcours.pour(port, contexte);
    }

    private String prometheus() {
        metriques.rafraichir();
        Http.ReponseOctets r = http.getOctets("/actuator/prometheus", basic("prometheus"));
        assertThat(r.statut()).isEqualTo(200);
        return new String(r.corps(), StandardCharsets.UTF_8);
    }

    /** The value of a sample, e.g. {@code fabriques_dossiers{statut="DEPOSE"}}; fails if absent. */
    private static double valeur(String texte, String nom, String etiquettes) {
        Pattern ligne = Pattern.compile("(?m)^" + Pattern.quote(nom) + (etiquettes.isEmpty() ? "" : "\\{" + Pattern.quote(etiquettes) + ",?\\}")
                + " ([0-9.eE+-]+)$");
        Matcher m = ligne.matcher(texte);
        assertThat(m.find()).as(nom + "{" + etiquettes + "} dans\n" + texte.lines().filter(l -> l.startsWith("fabriques_")).toList()).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private long compter(String sql, Object... parametres) {
        var requete = jdbc.sql(sql);
        for (Object p : parametres) {
            requete = requete.param(p);
        }
        return requete.query(Long.class).single();
    }

    @Test
    void lesMetriquesSontReserveesAuCollecteurEtALAdministrateur() {
        Http.ReponseOctets anonyme = http.getOctets("/actuator/prometheus", Map.of());
        assertThat(anonyme.statut()).isEqualTo(401);
        assertThat(anonyme.entete("WWW-Authenticate")).isEqualTo("Basic realm=\"fabriques\"");
        assertThat(new String(anonyme.corps(), StandardCharsets.UTF_8)).contains("exploitation");
        assertThat(http.getOctets("/actuator/prometheus", Map.of("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("inconnu-metriques:mauvais".getBytes(StandardCharsets.UTF_8)))).statut()).isEqualTo(401);
        for (String agent : new String[] {"instructeur", "gestionnaire", "analyste", "financier"}) {
            Http.ReponseOctets refus = http.getOctets("/actuator/prometheus", basic(agent));
            assertThat(refus.statut()).as(agent).isEqualTo(403);
            assertThat(new String(refus.corps(), StandardCharsets.UTF_8)).doesNotContain("fabriques_");
        }
        assertThat(http.getOctets("/actuator/prometheus", basic("admin")).statut()).isEqualTo(200);
        // The rest of the actuator is guarded too; the probes stay open to the orchestrator.
        assertThat(http.getOctets("/actuator", Map.of()).statut()).isEqualTo(401);
        assertThat(http.getOctets("/actuator/metrics", basic("gestionnaire")).statut()).isEqualTo(403);
        for (String detour : new String[] {"/actuator/health/../prometheus", "/actuator/health/%2e%2e/prometheus", "/actuator/prometheus;x=1",
                "//actuator/prometheus", "/actuator/prometheus/"}) {
            assertThat(http.getOctets(detour, Map.of()).statut()).as(detour).isNotEqualTo(200);
        }
        assertThat(http.getOctets("/actuator/health/liveness", Map.of()).statut()).isEqualTo(200);
        assertThat(http.getOctets("/actuator/health/readiness", Map.of()).statut()).isEqualTo(200);
    }

    @Test
    void chaqueJaugeDitCeQueDisentLeMoteurEtLesTables() {
        String avant = prometheus();
        double instructeursAvant = valeur(avant, "fabriques_taches_ouvertes", "groupe=\"instructeurs\"");
        double deposesAvant = valeur(avant, "fabriques_dossiers", "statut=\"EN_INSTRUCTION\"");

        String vague = Parcours.codeVague("FDT", 2038);
        creerVague.creer(vague, "FABRIQUES_TERRITOIRE", Parcours.dans(Duration.ofDays(600)), null);
        String premier = parcours.deposer(vague, "HORS_GRANDS_CENTRES");
        String second = parcours.deposer(vague, "QPV");
        parcours.deposer(vague, "HORS_GRANDS_CENTRES");

        // One of the completeness tasks is overdue; the wave's closing timer has no retry left; an incident is open;
        // the first dossier's mails were given up.
        Task tache = taches.createTaskQuery().processInstanceBusinessKey(premier).taskDefinitionKey("UserTask_VerifierCompletude").singleResult();
        tache.setDueDate(Date.from(Parcours.dans(Duration.ofDays(-2))));
        taches.saveTask(tache);
        Job minuteur = management.createJobQuery().processInstanceId(runtime.createProcessInstanceQuery().processInstanceBusinessKey(vague)
                .singleResult().getId()).timers().list().get(0);
        management.setJobRetries(minuteur.getId(), 0);
        String execution = taches.createTaskQuery().processInstanceBusinessKey(second).taskDefinitionKey("UserTask_VerifierCompletude")
                .singleResult().getExecutionId();
        Incident incident = runtime.createIncident("essaiMetriques", execution, "MetriquesIT");
        long idPremier = compter("select id from dossier where numero = ?", premier);
        jdbc.sql("update notification set etat = 'ECHEC', tentatives = 12, prochaine_tentative = null, derniere_erreur = 'essai MetriquesIT' where dossier_id = ?").param(idPremier).update();
        try {
            String apres = prometheus();
            assertThat(valeur(apres, "fabriques_taches_ouvertes", "groupe=\"instructeurs\"")).isEqualTo(instructeursAvant + 3)
                    .isEqualTo((double) taches.createTaskQuery().taskCandidateGroup("instructeurs").includeAssignedTasks().count());
            assertThat(valeur(apres, "fabriques_taches_en_retard", "groupe=\"instructeurs\""))
                    .isEqualTo((double) taches.createTaskQuery().taskCandidateGroup("instructeurs").includeAssignedTasks()
                            .dueBefore(new Date()).count())
                    .isGreaterThanOrEqualTo(1);
            // Groups without a task are still published, at 0 or more.
            assertThat(valeur(apres, "fabriques_taches_ouvertes", "groupe=\"service-financier\"")).isGreaterThanOrEqualTo(0);
            assertThat(valeur(apres, "fabriques_dossiers", "statut=\"EN_INSTRUCTION\"")).isEqualTo(deposesAvant + 3)
                    .isEqualTo((double) compter("select count(*) from dossier where statut = 'EN_INSTRUCTION'"));
            assertThat(valeur(apres, "fabriques_dossiers", "statut=\"ANNULE\""))
                    .isEqualTo((double) compter("select count(*) from dossier where statut = 'ANNULE'"));
            assertThat(valeur(apres, "fabriques_incidents_ouverts", ""))
                    .isEqualTo((double) runtime.createIncidentQuery().count()).isGreaterThanOrEqualTo(1);
            assertThat(valeur(apres, "fabriques_jobs_sans_reprise", ""))
                    .isEqualTo((double) management.createJobQuery().noRetriesLeft().count()).isGreaterThanOrEqualTo(1);
            assertThat(valeur(apres, "fabriques_courriels", "etat=\"ECHEC\""))
                    .isEqualTo((double) compter("select count(*) from notification where etat = 'ECHEC'")).isGreaterThanOrEqualTo(1);
            assertThat(valeur(apres, "fabriques_enveloppe_restante_euros", ""))
                    .isEqualTo((double) compter("select enveloppe - engage from programme"));
            assertThat(valeur(apres, "fabriques_enveloppe_engagee_euros", ""))
                    .isEqualTo((double) compter("select engage from programme"));
        } finally {
            runtime.resolveIncident(incident.getId());
            management.setJobRetries(minuteur.getId(), 3);
            jdbc.sql("update notification set etat = 'ENVOYE', envoye_le = now() where dossier_id = ?").param(idPremier).update();
        }
    }
}
