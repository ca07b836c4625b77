package fr.gouv.fabriques.integration;

import static fr.gouv.fabriques.integration.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gouv.fabriques.application.vague.CreerVague;
import fr.gouv.fabriques.application.versement.EmettreOrdreVersement;
import fr.gouv.fabriques.application.versement.OrdonnancerVersement;
import fr.gouv.fabriques.domain.ErreurMetier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Payments: the numérique supplement, exactly-once issuing, caps and four eyes at ordering, the
 * second signature before issuing, the accounting export.
 */
@IntegrationTest
class VersementsIT {

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
    org.camunda.bpm.engine.ManagementService management;
    @Autowired
    CreerVague creerVague;
    @Autowired
    EmettreOrdreVersement emettre;
    @Autowired
    OrdonnancerVersement ordonnancer;

    Http http;
    Parcours parcours;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        parcours = Parcours.pour(port, contexte);
    }

    /** A laureate whose convention both parties signed; returns its number. */
    private String conventionne(String appel, String categorie) {
        String code = Parcours.codeVague(appel.equals("FABRIQUES_NUMERIQUES") ? "FNT" : "FDT", 2035);
        creerVague.creer(code, appel, Parcours.dans(Duration.ofDays(600)), null);
        return parcours.conventionne(code, categorie);
    }

    private long dossierId(String numero) {
        return jdbc.sql("select id from dossier where numero = ?").param(numero).query(Long.class).single();
    }

    @Test
    void uneFabriqueNumeriqueRecoitLeSupplementAvecLaPremiereAnnee() {
        String numero = conventionne("FABRIQUES_NUMERIQUES", "NUMERIQUE_QPV");
        List<Integer> montants = jdbc.sql("select montant from versement where dossier_id = ? order by annee").param(dossierId(numero))
                .query(Integer.class).list();
        assertThat(montants).containsExactly(150_000, 50_000, 50_000);
        parcours.ordonnancerEtValider(numero);
        JsonNode finances = http.get("/api/agents/dossiers/" + numero + "/finances", basic("financier")).json();
        assertThat(finances.get("engage").asLong()).isEqualTo(250_000);
        assertThat(finances.get("totalVerse").asInt()).isEqualTo(150_000);
        assertThat(finances.get("resteAVerser").asLong()).isEqualTo(100_000);

        Map<String, String> enCsv = new java.util.HashMap<>(basic("financier"));
        enCsv.put("Accept", "text/csv");
        Http.Reponse csv = http.get("/api/agents/versements.csv", enCsv);
        assertThat(csv.statut()).isEqualTo(200);
        assertThat(csv.entete("Content-Type")).startsWith("text/csv");
        assertThat(csv.corps()).contains("reference;numero_dossier;siret").contains("VRS-" + numero + "-A1;" + numero + ";")
                .contains(";1;150000;financier;");
        Map<String, String> instructeurCsv = new java.util.HashMap<>(basic("instructeur"));
        instructeurCsv.put("Accept", "text/csv");
        assertThat(http.get("/api/agents/versements.csv", instructeurCsv).statut()).isEqualTo(403);
        assertThat(http.get("/api/agents/versements.csv?du=hier", basic("financier")).statut()).isIn(400, 406, 422);
        assertThat(http.get("/api/agents/versements.csv?du=hier", enCsv).statut()).isEqualTo(422);
    }

    @Test
    void chaqueVersementEstValideParUnSecondAgentAvantDEtreEmis() {
        String numero = conventionne("FABRIQUES_NUMERIQUES", "NUMERIQUE_QPV");
        long id = dossierId(numero);
        parcours.completer(numero, "UserTask_OrdonnancerVersement", "financier", Map.of("confirmationOrdonnancement", true));
        // Year 1 (150 000 € with the numérique supplement): ordered by one agent, it is not issued.
        assertThat(emis(id)).isZero();
        assertThatThrownBy(() -> emettre.emettre(id, 1)).isInstanceOf(ErreurMetier.class).hasMessageContaining("n'est pas validé");
        // The database holds the rule too, whatever code would try.
        assertThatThrownBy(() -> jdbc.sql("update versement set emis_le = now(), reference = 'X' where dossier_id = ? and annee = 1")
                .param(id).update()).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("update versement set valide_par = ordonnance_par, valide_le = now() where dossier_id = ? and annee = 1")
                .param(id).update()).isInstanceOf(DataIntegrityViolationException.class);
        // The orderer cannot validate his own order: refused, nothing recorded, the task stays.
        assertThatThrownBy(() -> parcours.completer(numero, "UserTask_ValiderOrdreVersement", "financier", Map.of("decisionOrdre", "VALIDE")))
                .hasMessageContaining("quatre yeux");
        org.camunda.bpm.engine.task.Task validation = taches.createTaskQuery().processInstanceBusinessKey(numero)
                .taskDefinitionKey("UserTask_ValiderOrdreVersement").singleResult();
        taches.setAssignee(validation.getId(), null);
        assertThat(jdbc.sql("select count(*) from versement where dossier_id = ? and valide_le is not null").param(id)
                .query(Integer.class).single()).isZero();
        // Another agent of the finance service validates: issued once, both names kept.
        parcours.completer(numero, "UserTask_ValiderOrdreVersement", "financier2", Map.of("decisionOrdre", "VALIDE"));
        assertThat(emis(id)).isEqualTo(1);
        assertThat(jdbc.sql("select ordonnance_par || '/' || valide_par || '/' || montant from versement where dossier_id = ? and annee = 1")
                .param(id).query(String.class).single()).isEqualTo("financier/financier2/150000");
        assertThat(jdbc.sql("select count(*) from evenement_dossier where dossier_id = ? and type = 'VERSEMENT_VALIDE'").param(id)
                .query(Integer.class).single()).isEqualTo(1);
        JsonNode fiche = http.get("/api/agents/dossiers/" + numero, basic("financier2")).json();
        assertThat(fiche.at("/versements/versements/0/validePar").asText()).isEqualTo("financier2");
    }

    @Test
    void unOrdreRenvoyeAvecSonMotifEstAOrdonnancerDeNouveau() {
        String numero = conventionne("FABRIQUES_TERRITOIRE", "HORS_GRANDS_CENTRES");
        long id = dossierId(numero);
        parcours.completer(numero, "UserTask_OrdonnancerVersement", "financier", Map.of("confirmationOrdonnancement", true));
        assertThatThrownBy(() -> parcours.completer(numero, "UserTask_ValiderOrdreVersement", "financier2", Map.of("decisionOrdre", "RENVOYE")))
                .hasMessageContaining("motifRenvoiOrdre");
        taches.setAssignee(taches.createTaskQuery().processInstanceBusinessKey(numero).taskDefinitionKey("UserTask_ValiderOrdreVersement")
                .singleResult().getId(), null);
        parcours.completer(numero, "UserTask_ValiderOrdreVersement", "financier2",
                Map.of("decisionOrdre", "RENVOYE", "motifRenvoiOrdre", "Coordonnées bancaires à confirmer"));
        assertThat(emis(id)).isZero();
        assertThat(jdbc.sql("select count(*) from versement where dossier_id = ? and ordonnance_le is not null").param(id)
                .query(Integer.class).single()).as("ordonnancement annulé").isZero();
        assertThat(jdbc.sql("select libelle from evenement_dossier where dossier_id = ? and type = 'VERSEMENT_RENVOYE'").param(id)
                .query(String.class).single()).contains("Coordonnées bancaires à confirmer");
        // Ordered again, this time by « financier2 »: « financier » may now validate.
        parcours.completer(numero, "UserTask_OrdonnancerVersement", "financier2", Map.of("confirmationOrdonnancement", true));
        parcours.completer(numero, "UserTask_ValiderOrdreVersement", "financier", Map.of("decisionOrdre", "VALIDE"));
        assertThat(emis(id)).isEqualTo(1);
    }

    private int emis(long id) {
        return jdbc.sql("select count(*) from versement where dossier_id = ? and emis_le is not null").param(id).query(Integer.class).single();
    }

    @Test
    void lOrdreDeVersementNEstEmisQuUneFoisMemeRejoueOuConcurrent() throws Exception {
        String numero = conventionne("FABRIQUES_TERRITOIRE", "HORS_GRANDS_CENTRES");
        long id = dossierId(numero);
        parcours.ordonnancerEtValider(numero);
        // The job ran once (executerJobs); a retry of the same job, or a second node, finds it issued.
        assertThat(emettre.emettre(id, 1)).isFalse();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch depart = new CountDownLatch(1);
        List<Future<Boolean>> essais = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            essais.add(pool.submit(() -> {
                depart.await();
                return emettre.emettre(id, 1);
            }));
        }
        depart.countDown();
        for (Future<Boolean> f : essais) {
            assertThat(f.get()).isFalse();
        }
        pool.shutdown();
        assertThat(jdbc.sql("select count(*) from versement where dossier_id = ? and emis_le is not null").param(id)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from evenement_dossier where dossier_id = ? and type = 'VERSEMENT_EMIS'").param(id)
                .query(Integer.class).single()).isEqualTo(1);

        // Year 2 ordered, validated, then issued by two nodes at once: exactly one issues it.
        jdbc.sql("update versement set ordonnance_par = 'financier', ordonnance_le = now(), valide_par = 'financier2', valide_le = now()"
                + " where dossier_id = ? and annee = 2")
                .param(id).update();
        CountDownLatch depart2 = new CountDownLatch(1);
        ExecutorService pool2 = Executors.newFixedThreadPool(4);
        List<Future<Boolean>> essais2 = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            essais2.add(pool2.submit(() -> {
                depart2.await();
                return emettre.emettre(id, 2);
            }));
        }
        depart2.countDown();
        int emis = 0;
        for (Future<Boolean> f : essais2) {
            emis += f.get() ? 1 : 0;
        }
        pool2.shutdown();
        assertThat(emis).isEqualTo(1);
    }

    @Test
    void unBilanRejeteSuspendLesVersementsEtLeGestionnaireDecideDuReversement() {
        String numero = conventionne("FABRIQUES_TERRITOIRE", "HORS_GRANDS_CENTRES");
        parcours.ordonnancerEtValider(numero);
        // Year 2 falls due: the year-1 report is awaited.
        for (var j : management.createJobQuery().activityId("TimerEvent_EcheanceVersement").list()) {
            var pi = runtime.createProcessInstanceQuery().processInstanceId(j.getProcessInstanceId()).singleResult();
            if (numero.equals(pi.getBusinessKey())) {
                management.executeJob(j.getId());
            }
        }
        Http.Reponse depot = http.postMultipart("/api/dossiers/" + numero + "/bilans/1",
                Map.of("bilanActivite", List.of(Http.Fichier.pdf("bilan.pdf", numero)), "compteRenduFinancier",
                        List.of(Http.Fichier.pdf("comptes.pdf", numero))), Map.of("commentaire", "Activité réduite, comptes incomplets"),
                Http.bearer(parcours.jeton(numero)));
        assertThat(depot.statut()).as(depot.corps()).isEqualTo(202);
        parcours.completer(numero, "UserTask_ValiderBilanAnnuel", "instructeur", Map.of("decisionBilan", "REJETE",
                "motifBilan", "Dépenses sans rapport avec le projet"));
        assertThat(parcours.statut(numero)).isEqualTo("VERSEMENTS_SUSPENDUS");

        var tache = taches.createTaskQuery().processInstanceBusinessKey(numero).taskDefinitionKey("UserTask_DeciderReversement").singleResult();
        assertThat(http.get("/engine-rest/task/" + tache.getId() + "/form-variables", Http.basic("gestionnaire")).json().get("suspension")
                .get("value").asText()).contains("Dépenses sans rapport")
                .contains("50 000 €");
        assertThatThrownBy(() -> parcours.completer(numero, "UserTask_DeciderReversement", "gestionnaire", Map.of("suiteSuspension", "REVERSEMENT",
                "montantReversement", 60000, "motifReversement", "Dépenses non justifiées")))
                .hasMessageContaining("montantReversement").hasMessageContaining("50 000 €");
        taches.setAssignee(tache.getId(), null);
        // The insider's attempt on this task too: the form's values plus another dossier's id, or the year — refused.
        for (Map.Entry<String, Object> forge : Map.<String, Object>of("dossierId", 1L, "annee", 3).entrySet()) {
            for (String porte : List.of("complete", "submit-form")) {
                Http.Reponse r = http.postJson("/engine-rest/task/" + tache.getId() + "/" + porte, Http.variables("suiteSuspension", "REVERSEMENT",
                        "montantReversement", 20000, "motifReversement", "Dépenses non justifiées de l'année 1", forge.getKey(), forge.getValue()), basic("gestionnaire"));
                assertThat(r.statut()).as(porte + " avec " + forge.getKey()).isEqualTo(400);
                assertThat(r.json().get("message").asText()).contains("« " + forge.getKey() + " » n'est pas un champ");
            }
        }
        parcours.completer(numero, "UserTask_DeciderReversement", "gestionnaire", Map.of("suiteSuspension", "REVERSEMENT",
                "montantReversement", 20000, "motifReversement", "Dépenses non justifiées de l'année 1"));
        // The recovery is followed until the money is back: recorded by one agent of the finance service, validated by another.
        assertThat(parcours.statut(numero)).isEqualTo("VERSEMENTS_SUSPENDUS");
        assertThatThrownBy(() -> parcours.completer(numero, "UserTask_EnregistrerReversementRecu", "financier", Map.of("montantRecu", 25000)))
                .hasMessageContaining("montantRecu").hasMessageContaining("20 000 €");
        libererTache(numero, "UserTask_EnregistrerReversementRecu");
        parcours.completer(numero, "UserTask_EnregistrerReversementRecu", "financier", Map.of("montantRecu", 20000));
        assertThatThrownBy(() -> parcours.completer(numero, "UserTask_ValiderReversementRecu", "financier", Map.of("decisionReversementRecu", "VALIDE")))
                .hasMessageContaining("quatre yeux");
        libererTache(numero, "UserTask_ValiderReversementRecu");
        parcours.completer(numero, "UserTask_ValiderReversementRecu", "financier2", Map.of("decisionReversementRecu", "VALIDE"));
        assertThat(parcours.statut(numero)).isEqualTo("SOLDE_APRES_REVERSEMENT");
        assertThat(jdbc.sql("select c.statut from convention c join dossier d on d.id = c.dossier_id where d.numero = ?").param(numero)
                .query(String.class).single()).isEqualTo("RESILIEE");
        assertThat(jdbc.sql("select recu_montant || '/' || recu_enregistre_par || '/' || recu_valide_par from reversement r join dossier d "
                + "on d.id = r.dossier_id where d.numero = ?").param(numero).query(String.class).single()).isEqualTo("20000/financier/financier2");
        JsonNode finances = http.get("/api/agents/dossiers/" + numero + "/finances", basic("financier")).json();
        assertThat(finances.get("statut").asText()).isEqualTo("SOLDE_APRES_REVERSEMENT");
        assertThat(finances.get("totalVerse").asInt()).isEqualTo(50_000);
        assertThat(finances.get("totalReverse").asInt()).isEqualTo(20_000);
        assertThat(finances.get("resteAVerser").asLong()).isZero();
        long nonVerse = finances.get("engage").asLong() - 50_000;
        assertThat(finances.get("libere").asLong()).isEqualTo(nonVerse);
        JsonNode vue = http.get("/api/dossiers/" + numero, Http.bearer(parcours.jeton(numero))).json();
        assertThat(vue.get("statut").asText()).isEqualTo("SOLDE_APRES_REVERSEMENT");
        assertThat(vue.get("totalReverse").asInt()).isEqualTo(20_000);
        assertThat(vue.get("historique").toString()).contains("Reversement de 20 000 €").contains("soldé après reversement");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(numero).count()).isZero();
    }

    @Test
    void unBilanRegulariseEtApprouveFaitReprendreLesVersements() {
        String numero = suspenduSurLeBilanDeLAnnee1();
        Http.Reponse tropTot = http.postMultipart("/api/dossiers/" + numero + "/bilans/1",
                Map.of("bilanActivite", List.of(Http.Fichier.pdf("bilan.pdf", numero)), "compteRenduFinancier",
                        List.of(Http.Fichier.pdf("comptes.pdf", numero))), Map.of("commentaire", "Bilan déposé trop tôt"), Http.bearer(parcours.jeton(numero)));
        assertThat(tropTot.statut()).as("aucun bilan attendu avant la décision du gestionnaire : " + tropTot.corps()).isEqualTo(409);
        parcours.completer(numero, "UserTask_DeciderReversement", "gestionnaire", Map.of("suiteSuspension", "REGULARISATION",
                "motifReversement", "Joignez les factures des dépenses d'équipement."));
        JsonNode vue = http.get("/api/dossiers/" + numero, Http.bearer(parcours.jeton(numero))).json();
        assertThat(vue.get("historique").toString()).contains("vous pouvez régulariser").contains("Joignez les factures");
        deposerBilan1(numero, "Bilan corrigé, factures jointes");
        parcours.completer(numero, "UserTask_ExaminerRegularisation", "instructeur", Map.of("decisionBilan", "APPROUVE"));
        assertThat(parcours.statut(numero)).isEqualTo("CONVENTIONNE");
        // Year 2 (its anniversary passed) is ordered at once: the report it needs is approved.
        parcours.ordonnancerEtValider(numero);
        assertThat(jdbc.sql("select count(*) from versement v join dossier d on d.id = v.dossier_id where d.numero = ? and emis_le is not null")
                .param(numero).query(Integer.class).single()).isEqualTo(2);
        assertThat(http.get("/api/dossiers/" + numero, Http.bearer(parcours.jeton(numero))).json().get("historique").toString())
                .contains("les versements reprennent");
    }

    @Test
    void sansReversementLeDossierEstResilieEtLeNonVerseRevientALEnveloppe() {
        String numero = suspenduSurLeBilanDeLAnnee1();
        parcours.completer(numero, "UserTask_DeciderReversement", "gestionnaire", Map.of("suiteSuspension", "REVERSEMENT",
                "montantReversement", 0, "motifReversement", "Activité arrêtée, sommes employées conformément à l'objet"));
        assertThat(parcours.statut(numero)).isEqualTo("RESILIE");
        JsonNode finances = http.get("/api/agents/dossiers/" + numero + "/finances", basic("financier")).json();
        long nonVerse = finances.get("engage").asLong() - 50_000;
        assertThat(finances.get("libere").asLong()).isEqualTo(nonVerse);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(numero).count()).isZero();
        // A final status: the structure may apply again (SIRET free).
        assertThat(jdbc.sql("select count(*) from dossier where numero = ? and statut = 'RESILIE'").param(numero).query(Integer.class).single())
                .isEqualTo(1);
    }

    /** A laureate paid for year 1 whose year-1 report was rejected. */
    private String suspenduSurLeBilanDeLAnnee1() {
        String numero = conventionne("FABRIQUES_TERRITOIRE", "HORS_GRANDS_CENTRES");
        parcours.ordonnancerEtValider(numero);
        for (var j : management.createJobQuery().activityId("TimerEvent_EcheanceVersement").list()) {
            var pi = runtime.createProcessInstanceQuery().processInstanceId(j.getProcessInstanceId()).singleResult();
            if (numero.equals(pi.getBusinessKey())) {
                management.executeJob(j.getId());
            }
        }
        deposerBilan1(numero, "Activité réduite");
        parcours.completer(numero, "UserTask_ValiderBilanAnnuel", "instructeur", Map.of("decisionBilan", "REJETE",
                "motifBilan", "Compte rendu financier incomplet"));
        assertThat(parcours.statut(numero)).isEqualTo("VERSEMENTS_SUSPENDUS");
        return numero;
    }

    private void deposerBilan1(String numero, String commentaire) {
        Http.Reponse depot = http.postMultipart("/api/dossiers/" + numero + "/bilans/1",
                Map.of("bilanActivite", List.of(Http.Fichier.pdf("bilan.pdf", numero)), "compteRenduFinancier",
                        List.of(Http.Fichier.pdf("comptes.pdf", numero))), Map.of("commentaire", commentaire),
                Http.bearer(parcours.jeton(numero)));
        assertThat(depot.statut()).as(depot.corps()).isEqualTo(202);
    }

    private void libererTache(String numero, String cle) {
        taches.setAssignee(taches.createTaskQuery().processInstanceBusinessKey(numero).taskDefinitionKey(cle).singleResult().getId(), null);
    }


    @Test
    void lesPlafondsEtLesQuatreYeuxSontVerifiesALOrdonnancement() {
        String numero = conventionne("FABRIQUES_TERRITOIRE", "HORS_GRANDS_CENTRES");
        long id = dossierId(numero);
        // Whatever the schedule says, the yearly cap is checked again when ordering.
        jdbc.sql("update versement set montant = 60000 where dossier_id = ? and annee = 1").param(id).update();
        assertThatThrownBy(() -> parcours.completer(numero, "UserTask_OrdonnancerVersement", "financier",
                Map.of("confirmationOrdonnancement", true))).hasMessageContaining("plafond annuel de 50 000 €");
        jdbc.sql("update versement set montant = 50000 where dossier_id = ? and annee = 1").param(id).update();
        parcours.ordonnancerEtValider(numero);

        // Year 2 is refused by the domain while the report of year 1 is missing, or not approved, whatever route led here.
        assertThatThrownBy(() -> ordonnancer.ordonnancer(id, 2, true, "financier"))
                .isInstanceOf(ErreurMetier.class).hasMessageContaining("attend l'approbation du bilan de l'année 1");
        jdbc.sql("insert into bilan (dossier_id, annee, depose_le, commentaire, decision, decide_par, decide_le) "
                + "values (?, 1, now(), 'Bilan', 'CORRECTIONS', 'instructeur', now())").param(id).update();
        assertThatThrownBy(() -> ordonnancer.ordonnancer(id, 2, true, "financier"))
                .isInstanceOf(ErreurMetier.class).hasMessageContaining("attend l'approbation du bilan de l'année 1");
        // Approved by « instructeur »: he may not order the payment that depends on it.
        jdbc.sql("update bilan set decision = 'APPROUVE' where dossier_id = ? and annee = 1").param(id).update();
        assertThatThrownBy(() -> ordonnancer.ordonnancer(id, 2, true, "instructeur"))
                .isInstanceOf(ErreurMetier.class).hasMessageContaining("quatre yeux");
    }
}
