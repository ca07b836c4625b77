package fr.gouv.fabriques.integration;

import static fr.gouv.fabriques.integration.Http.basic;
import static fr.gouv.fabriques.integration.Http.bearer;
import static fr.gouv.fabriques.integration.Http.variables;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A dossier deposited over HTTP and walked by the demo users, role by role, through
 * /engine-rest (what Tasklist does), to closure. The dossier's status in PostgreSQL
 * follows each step. Jobs (asynchronous steps, timers) are run explicitly here; the
 * job executor runs them in the real application.
 */
@IntegrationTest
class CycleDeVieIT {

    @LocalServerPort
    int port;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired
    org.camunda.bpm.engine.TaskService taches;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    String numero;
    String jeton;

    @Autowired
    fr.gouv.fabriques.application.vague.CreerVague creerVague;
    @Autowired
    fr.gouv.fabriques.application.vague.DemanderClotureVague demanderCloture;

    String vague;

    /** A wave of its own for each test, far ahead, so that closing it disturbs no other test. */
    private void ouvrirVague() {
        vague = Parcours.codeVague("FDT", 2031);
        creerVague.creer(vague, "FABRIQUES_TERRITOIRE", java.time.Instant.now().plus(java.time.Duration.ofDays(400)), null);
    }

    private void deposer() {
        ouvrirVague();
        var depot = Depots.valide();
        depot.put("vague", vague);
        Http.Reponse r = http.postJson("/api/dossiers", depot, Map.of());
        assertThat(r.statut()).as(r.corps()).isEqualTo(201);
        numero = r.json().get("numero").asText();
        jeton = r.json().get("jetonAcces").asText();
        // The 201 acknowledges the deposit (the API's contract); the eligibility step ran in its transaction (doc/adr/0022):
        // the dossier is already in instruction, judged by one evaluation of the table.
        assertThat(r.json().get("statut").asText()).isEqualTo("DEPOSE");
        assertThat(r.entete("Location")).isEqualTo("/api/dossiers/" + numero);
        assertThat(statut()).isEqualTo("EN_INSTRUCTION");
        assertThat(jdbc.sql("select eligibilite_version from instruction i join dossier d on d.id = i.dossier_id where d.numero = ?")
                .param(numero).query(Integer.class).single()).isNotNull();
        executerJobs();
    }

    private String statut() {
        return jdbc.sql("select statut from dossier where numero = ?").param(numero).query(String.class).single();
    }

    /** Runs the due jobs of this dossier (asynchronous continuations), and timers when asked. */
    private void executerJobs() {
        boolean encore = true;
        while (encore) {
            encore = false;
            for (Job j : jobs(null)) {
                if (j.getDuedate() == null || !j.getDuedate().after(new java.util.Date())) {
                    management.executeJob(j.getId());
                    encore = true;
                }
            }
        }
    }

    private void declencherTimer(String activite) {
        List<Job> timers = jobs(activite);
        assertThat(timers).as("timer " + activite).hasSize(1);
        management.executeJob(timers.get(0).getId());
        executerJobs();
    }

    private List<Job> jobs(String activite) {
        List<Job> tous = new java.util.ArrayList<>();
        // The dossier's processes, and its wave's committee (decision tasks and publication run as jobs).
        for (String cle : vague == null ? List.of(numero) : List.of(numero, vague)) {
            for (var pi : runtime.createProcessInstanceQuery().processInstanceBusinessKey(cle).list()) {
                var q = management.createJobQuery().processInstanceId(pi.getId());
                tous.addAll(activite == null ? q.list() : q.activityId(activite).list());
            }
        }
        return tous;
    }

    /** The one task of this dossier the user sees with that definition key, claimed by the user. */
    private String tache(String utilisateur, String cle) {
        Http.Reponse r = http.get("/engine-rest/task?processInstanceBusinessKey=" + numero + "&taskDefinitionKey=" + cle, basic(utilisateur));
        assertThat(r.statut()).as(r.corps()).isEqualTo(200);
        assertThat(r.json()).as(utilisateur + " voit " + cle).hasSize(1);
        String id = r.json().get(0).get("id").asText();
        assertThat(r.json().get(0).get("name").asText()).contains(numero).contains("La Fabrique du Val");
        assertThat(r.json().get(0).get("due").isNull()).as("échéance de " + cle).isFalse();
        Http.Reponse claim = http.postJson("/engine-rest/task/" + id + "/claim", Map.of("userId", utilisateur), basic(utilisateur));
        assertThat(claim.statut()).as(claim.corps()).isEqualTo(204);
        return id;
    }

    private void soumettre(String utilisateur, String cle, Object... valeurs) {
        String id = tache(utilisateur, cle);
        refuserVariablesFalsifiees(utilisateur, id, valeurs);
        Http.Reponse r = http.postJson("/engine-rest/task/" + id + "/submit-form", variables(valeurs), basic(utilisateur));
        assertThat(r.statut()).as(cle + " : " + r.corps()).isEqualTo(204);
        executerJobs();
    }

    /**
     * Before each real submission, the insider's attacks on the same task: the form's values plus a process
     * variable the listeners trust (another dossier's id, a later year, a département, the routing fact),
     * or a misspelt field — through complete and submit-form. Each is refused naming the field, and the
     * task stays open, unchanged.
     */
    private void refuserVariablesFalsifiees(String utilisateur, String id, Object... valeurs) {
        Map<String, Object> forges = Map.of("dossierId", 1L, "annee", 3, "departement", "75", "numero", "FDT-1999-0001",
                "issueInstruction", "INSTRUIT", "champInexistant", "x");
        for (Map.Entry<String, Object> forge : forges.entrySet()) {
            Object[] avecForge = java.util.Arrays.copyOf(valeurs, valeurs.length + 2);
            avecForge[valeurs.length] = forge.getKey();
            avecForge[valeurs.length + 1] = forge.getValue();
            for (String porte : List.of("submit-form", "complete")) {
                Http.Reponse r = http.postJson("/engine-rest/task/" + id + "/" + porte, variables(avecForge), basic(utilisateur));
                assertThat(r.statut()).as(porte + " avec " + forge.getKey() + " : " + r.corps()).isEqualTo(400);
                assertThat(r.json().get("message").asText()).contains("« " + forge.getKey() + " »").contains("n'est pas un champ");
            }
        }
        // A field of the form with a value no Camunda Form sends (here JSON, which the engine would store as is): refused, naming it.
        String champ = (String) valeurs[0];
        @SuppressWarnings("unchecked")
        Map<String, Object> typees = new java.util.LinkedHashMap<>((Map<String, Object>) variables(valeurs).get("variables"));
        typees.put(champ, Map.of("value", "{\"a\":1}", "type", "Json"));
        for (String porte : List.of("submit-form", "complete")) {
            Http.Reponse r = http.postJson("/engine-rest/task/" + id + "/" + porte, Map.of("variables", typees), basic(utilisateur));
            assertThat(r.statut()).as(porte + " avec " + champ + " en JSON : " + r.corps()).isEqualTo(400);
            assertThat(r.json().get("message").asText()).contains("« " + champ + " »").contains("type « json »");
        }
        // Nor can the variables be written beside the form: the candidate groups may work the task (TASK_WORK), not update it.
        String instance = http.get("/engine-rest/task/" + id, basic(utilisateur)).json().get("processInstanceId").asText();
        List<Http.Reponse> ecritures = List.of(
                http.putJson("/engine-rest/task/" + id + "/variables/annee", Map.of("value", 3, "type", "Integer"), basic(utilisateur)),
                http.putJson("/engine-rest/task/" + id + "/localVariables/dossierId", Map.of("value", 1, "type", "Long"), basic(utilisateur)),
                http.postJson("/engine-rest/task/" + id + "/variables", Map.of("modifications", Map.of("annee", Map.of("value", 3))), basic(utilisateur)),
                http.postJson("/engine-rest/process-instance/" + instance + "/variables",
                        Map.of("modifications", Map.of("dossierId", Map.of("value", 1))), basic(utilisateur)),
                http.putJson("/engine-rest/process-instance/" + instance + "/variables/annee", Map.of("value", 3, "type", "Integer"), basic(utilisateur)));
        for (Http.Reponse e : ecritures) {
            assertThat(e.statut()).as(e.corps()).isEqualTo(403);
        }
        assertThat(http.get("/engine-rest/task/" + id, basic(utilisateur)).statut()).isEqualTo(200);
    }

    /** How many payments of the dossier are issued. */
    private int emis() {
        return jdbc.sql("select count(*) from versement v join dossier d on d.id = v.dossier_id where d.numero = ? and v.emis_le is not null")
                .param(numero).query(Integer.class).single();
    }

    private JsonNode vuePorteur() {
        Http.Reponse r = http.get("/api/dossiers/" + numero, bearer(jeton));
        assertThat(r.statut()).as(r.corps()).isEqualTo(200);
        return r.json();
    }

    private void instruire() {
        soumettre("instructeur", "UserTask_VerifierCompletude", "complet", "true");
        assertThat(statut()).isEqualTo("EN_INSTRUCTION");
        soumettre("referent-58", "UserTask_DonnerAvisTerritorial", "avisTerritorial", "FAVORABLE", "commentaireAvis", "Lieu bien identifié");
        soumettre("instructeur", "UserTask_InstruireDossier", notes(5, 4, 4, 3, 4, 3, "montantPropose1", 50000,
                "montantPropose2", 50000, "montantPropose3", 40000, "motifProposition", "Projet solide, gouvernance partagée",
                "absenceConflitInterets", true));
        // 3×5 + 2×4 + 3×4 + 2×3 + 2×4 + 2×3 = 55 over 14×5 = 70 → 78.6/100, FAVORABLE by the DMN thresholds.
        assertThat(jdbc.sql("select score_total || ' ' || proposition from instruction i join dossier d on d.id = i.dossier_id where d.numero = ?")
                .param(numero).query(String.class).single()).isEqualTo("78.6 FAVORABLE");
        String validation = tache("gestionnaire", "UserTask_ValiderProposition");
        JsonNode formulaireValidation = formulaire(validation, "gestionnaire");
        assertThat(formulaireValidation.get("syntheseInstruction").get("value").asText()).contains("78.6 / 100").contains("FAVORABLE")
                .contains("140 000 €");
        // The validator reads the dossier's request, the referent's opinion and the scores in the same form.
        assertThat(formulaireValidation.get("fiche").get("value").asText()).contains("Avis territorial").contains("Instruction")
                .contains("/agents/dossiers/" + numero);
        soumettre("gestionnaire", "UserTask_ValiderProposition", "propositionValidee", "true");
        assertThat(statut()).isEqualTo("INSTRUIT");
    }

    static Object[] notes(int gouvernance, int partenariats, int besoin, int services, int modele, int emploi, Object... autres) {
        Object[] notes = {"noteGouvernance", gouvernance, "notePartenariats", partenariats, "noteBesoinLocal", besoin,
            "noteOffreServices", services, "noteModeleEconomique", modele, "noteEmploi", emploi};
        Object[] tout = java.util.Arrays.copyOf(notes, notes.length + autres.length);
        System.arraycopy(autres, 0, tout, notes.length, autres.length);
        return tout;
    }

    @Test
    void unDossierDeposeVaJusquAuSoldeParLesRolesDeDemonstration() throws Exception {
        deposer();
        assertThat(statut()).isEqualTo("EN_INSTRUCTION");
        instruire();

        comite("LAUREAT", 50000, 50000, 40000, "Retenu : ancrage local remarquable");
        assertThat(statut()).isEqualTo("LAUREAT");

        Http.Reponse signature = new Televersements(port).multipart("/api/dossiers/" + numero + "/convention/signature",
                new Televersements.Fichier("fichier", "convention-signee.pdf", "application/pdf",
                        Televersements.pdfSigne("Lu et approuvé, Camille Martin, présidente")),
                Map.of("signataire", "Camille Martin, présidente"), bearer(jeton));
        assertThat(signature.statut()).as(signature.corps()).isEqualTo(200);
        assertThat(statut()).isEqualTo("CONVENTION_SIGNEE_PORTEUR");
        soumettre("gestionnaire", "UserTask_SignerConventionEtat", "signatureEtat", true);
        assertThat(statut()).isEqualTo("CONVENTIONNE");

        soumettre("financier", "UserTask_OrdonnancerVersement", "confirmationOrdonnancement", true);
        assertThat(emis()).as("ordonnancé, pas encore validé : rien n'est émis").isZero();
        // Four eyes on year 1 too: the orderer cannot validate his own order, through /engine-rest or anywhere.
        String validation = tache("financier", "UserTask_ValiderOrdreVersement");
        Http.Reponse lui = http.postJson("/engine-rest/task/" + validation + "/submit-form", variables("decisionOrdre", "VALIDE"), basic("financier"));
        assertThat(lui.statut()).as(lui.corps()).isEqualTo(400);
        assertThat(lui.json().get("message").asText()).contains("quatre yeux").contains("« financier » a ordonnancé ce versement");
        assertThat(emis()).isZero();
        taches.setAssignee(validation, null);
        // Sent back with a reason: ordered again (the same person may), then validated by the other.
        Http.Reponse sansMotif = http.postJson("/engine-rest/task/" + tache("financier2", "UserTask_ValiderOrdreVersement") + "/submit-form",
                variables("decisionOrdre", "RENVOYE"), basic("financier2"));
        assertThat(sansMotif.statut()).as(sansMotif.corps()).isEqualTo(400);
        assertThat(sansMotif.json().get("message").asText()).contains("motifRenvoiOrdre");
        soumettre("financier2", "UserTask_ValiderOrdreVersement", "decisionOrdre", "RENVOYE", "motifRenvoiOrdre", "RIB à vérifier");
        assertThat(emis()).isZero();
        soumettre("financier", "UserTask_OrdonnancerVersement", "confirmationOrdonnancement", true);
        soumettre("financier2", "UserTask_ValiderOrdreVersement", "decisionOrdre", "VALIDE");
        assertThat(emis()).isEqualTo(1);
        assertThat(jdbc.sql("select ordonnance_par || '/' || valide_par from versement v join dossier d on d.id = v.dossier_id"
                + " where d.numero = ? and annee = 1").param(numero).query(String.class).single()).isEqualTo("financier/financier2");
        declencherTimer("TimerEvent_EcheanceVersement");
        Http.Reponse incomplet = http.postMultipart("/api/dossiers/" + numero + "/bilans/1",
                Map.of("bilanActivite", java.util.List.of(Http.Fichier.pdf("bilan.pdf", "seul"))), Map.of("commentaire", "Bilan sans les comptes"),
                bearer(jeton));
        assertThat(incomplet.statut()).isEqualTo(422);
        assertThat(incomplet.json().get("erreurs").get(0).get("champ").asText()).isEqualTo("compteRenduFinancier");
        assertThat(jdbc.sql("select count(*) from bilan b join dossier d on d.id = b.dossier_id where d.numero = ?").param(numero)
                .query(Integer.class).single()).isZero();
        for (int annee = 2; annee <= 3; annee++) {
            if (annee == 3) {
                declencherTimer("TimerEvent_EcheanceVersement");
            }
            deposerBilan(annee - 1);
            String examen = tache("instructeur", "UserTask_ValiderBilanAnnuel");
            assertThat(formulaire(examen, "instructeur").get("bilanDepose").get("value").asText()).contains("bilan\\-activite\\-" + (annee - 1)).contains("/api/agents/dossiers/" + numero + "/pieces/");
            taches.setAssignee(examen, null);
            soumettre("instructeur", "UserTask_ValiderBilanAnnuel", "decisionBilan", "APPROUVE");
            soumettre("financier", "UserTask_OrdonnancerVersement", "confirmationOrdonnancement", true);
            soumettre("financier2", "UserTask_ValiderOrdreVersement", "decisionOrdre", "VALIDE");
            assertThat(emis()).isEqualTo(annee);
        }
        // Year 3 is paid at its start; the final report is due at its end (the convention's article 5), not before.
        Http.Reponse tropTot = http.postJson("/api/dossiers/" + numero + "/bilans/3", Map.of("commentaire", "Bilan final"), bearer(jeton));
        assertThat(tropTot.statut()).as(tropTot.corps()).isEqualTo(409);
        Job finConvention = jobs("TimerEvent_FinConvention").get(0);
        java.time.Instant signatureEtat = jdbc.sql("select signee_etat_le from convention c join dossier d on d.id = c.dossier_id where d.numero = ?")
                .param(numero).query(java.sql.Timestamp.class).single().toInstant();
        assertThat(finConvention.getDuedate().toInstant()).as("fin de l'année 3 : troisième anniversaire de la signature de l'État")
                .isEqualTo(signatureEtat.atZone(fr.gouv.fabriques.domain.Vague.FUSEAU).plusYears(3).toInstant());
        declencherTimer("TimerEvent_FinConvention");
        // The reminder before the deadline reaches the applicant (timeline he sees, hence a mail).
        declencherTimer("BoundaryEvent_RappelBilan");
        assertThat(vuePorteur().get("historique").toString()).contains("Rappel : le bilan final");
        deposerBilan(3);
        soumettre("instructeur", "UserTask_ValiderBilanAnnuel", "decisionBilan", "APPROUVE");

        assertThat(statut()).isEqualTo("SOLDE");
        JsonNode vue = vuePorteur();
        assertThat(vue.get("statut").asText()).isEqualTo("SOLDE");
        assertThat(vue.get("totalVerse").asInt()).isEqualTo(140_000);
        assertThat(vue.get("versements")).hasSize(3);
        vue.get("versements").forEach(v -> assertThat(v.get("statut").asText()).isEqualTo("EMIS"));
        assertThat(vue.get("historique").toString()).contains("Convention soldée").doesNotContain("Avis territorial");
        assertThat(jdbc.sql("select count(*) from versement v join dossier d on d.id = v.dossier_id where d.numero = ? and v.emis_le is not null")
                .param(numero).query(Integer.class).single()).isEqualTo(3);
        Http.Reponse instances = http.get("/engine-rest/process-instance?businessKey=" + numero, basic("gestionnaire"));
        assertThat(instances.json()).isEmpty();
        Http.Reponse historique = http.get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + numero
                + "&processDefinitionKey=Process_Dossier", basic("admin"));
        assertThat(historique.json().get(0).get("state").asText()).isEqualTo("COMPLETED");
        // What the forms submitted was recorded by the use cases (above) and left no variable in the engine, current or
        // historic (ADR 0025); the routing facts the listeners set from it are the process's.
        java.util.List<String> variablesDuDossier = jdbc.sql("select name_ from act_hi_varinst where root_proc_inst_id_ in "
                + "(select id_ from act_hi_procinst where business_key_ in (?, ?))").param(numero).param(vague).query(String.class).list();
        assertThat(variablesDuDossier).contains("dossierComplet", "issueInstruction", "ordreValide", "decisionsArretees")
                .doesNotContainAnyElementsOf(java.util.List.of("complet", "avisTerritorial", "commentaireAvis", "montantPropose1", "motifProposition",
                        "absenceConflitInterets", "noteGouvernance", "montantComite1", "motivationComite", "seancePreparee", "signatureEtat",
                        "confirmationOrdonnancement", "decisionOrdre", "motifRenvoiOrdre"));
    }

    /** The wave's committee, the way its members and managers work it: close, prepare, decide each dossier, publish. */
    private void comite(String decision, Integer m1, Integer m2, Integer m3, String motivation) throws Exception {
        demanderCloture.cloturer(vague);
        String preparation = tacheVague("gestionnaire", "UserTask_PreparerSeance");
        // The agenda is computed when the form's variables are read, as Tasklist does when the form opens: nothing stored.
        assertThat(formulaire(preparation, "gestionnaire").get("ordreDuJour").get("value").asText()).contains(numero).contains("Places restantes");
        assertThat(http.get("/engine-rest/task/" + preparation + "/localVariables", basic("gestionnaire")).json().has("ordreDuJour")).isFalse();
        soumettreTache("gestionnaire", preparation, "seancePreparee", true);

        String deliberation = tacheVague("comite", "UserTask_DeciderDossier");
        JsonNode variables = formulaire(deliberation, "comite");
        assertThat(variables.get("situationDossier").get("value").asText()).contains(" / 100").contains("favorable").contains("Places restantes");
        assertThat(variables.get("fiche").get("value").asText()).contains(numero);
        // Asked for some variables only (the engine's answer then lacks the dossier's number): the same contents.
        Http.Reponse choisies = http.get("/engine-rest/task/" + deliberation + "/form-variables?deserializeValues=false&variableNames=fiche,situationDossier",
                basic("comite"));
        assertThat(choisies.statut()).as(choisies.corps()).isEqualTo(200);
        assertThat(choisies.json().has("numero")).isFalse();
        assertThat(choisies.json().get("fiche").get("value").asText()).isEqualTo(variables.get("fiche").get("value").asText());
        assertThat(choisies.json().get("situationDossier").get("value").asText()).isEqualTo(variables.get("situationDossier").get("value").asText());
        // The form starts from the instruction's proposal.
        assertThat(variables.get("montantComite1").get("value").asInt()).isEqualTo(50000);
        // An amount above the yearly cap is refused, naming the field.
        Http.Reponse refus = http.postJson("/engine-rest/task/" + deliberation + "/submit-form",
                variables("decisionComite", "LAUREAT", "montantComite1", 60000, "montantComite2", 50000, "montantComite3", 40000), basic("comite"));
        assertThat(refus.statut()).isEqualTo(400);
        assertThat(refus.json().get("message").asText()).contains("montantComite1");
        Http.Reponse r = http.postJson("/engine-rest/task/" + deliberation + "/submit-form", m1 == null
                ? variables("decisionComite", decision, "motivationComite", motivation)
                : variables("decisionComite", decision, "montantComite1", m1, "montantComite2", m2, "montantComite3", m3, "motivationComite", motivation),
                basic("comite"));
        assertThat(r.statut()).as(r.corps()).isEqualTo(204);
        executerJobs();
        // The submitted values stayed on the task: the wave's process holds none of them.
        assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(instanceVague()).variableName("decisionComite").count()).isZero();

        String arret = tacheVague("gestionnaire", "UserTask_ArreterDecisions");
        assertThat(formulaire(arret, "gestionnaire").get("effetDesDecisions").get("value").asText()).contains(numero)
                .contains("LAUREAT".equals(decision) ? "lauréat" : decision.toLowerCase());
        soumettreTache("gestionnaire", arret, "decisionsArretees", "true");
        executerJobs();
        JsonNode publication = java.util.stream.StreamSupport.stream(http.get("/api/agents/vagues", basic("gestionnaire")).json().spliterator(), false)
                .filter(v -> v.get("code").asText().equals(vague)).findFirst().orElseThrow().get("publication");
        assertThat(publication.get("etat").asText()).isEqualTo("PUBLIEE");
        assertThat(publication.get("demandeePar").asText()).isEqualTo("gestionnaire");
    }

    private String instanceVague() {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(vague).singleResult().getId();
    }

    /** What Tasklist reads when a form opens. */
    private JsonNode formulaire(String tache, String utilisateur) {
        Http.Reponse r = http.get("/engine-rest/task/" + tache + "/form-variables?deserializeValues=false", basic(utilisateur));
        assertThat(r.statut()).as(r.corps()).isEqualTo(200);
        return r.json();
    }

    private String tacheVague(String utilisateur, String cle) {
        Http.Reponse r = http.get("/engine-rest/task?processInstanceBusinessKey=" + vague + "&taskDefinitionKey=" + cle, basic(utilisateur));
        assertThat(r.json()).as(utilisateur + " voit " + cle).hasSize(1);
        assertThat(r.json().get(0).get("name").asText()).satisfiesAnyOf(n -> assertThat(n).endsWith("vague " + vague),
                n -> assertThat(n).contains(numero));
        String id = r.json().get(0).get("id").asText();
        assertThat(http.postJson("/engine-rest/task/" + id + "/claim", Map.of("userId", utilisateur), basic(utilisateur)).statut()).isEqualTo(204);
        return id;
    }

    private void soumettreTache(String utilisateur, String id, Object... valeurs) {
        refuserVariablesFalsifiees(utilisateur, id, valeurs);
        Http.Reponse r = http.postJson("/engine-rest/task/" + id + "/submit-form", variables(valeurs), basic(utilisateur));
        assertThat(r.statut()).as(r.corps()).isEqualTo(204);
        executerJobs();
    }

    private void deposerBilan(int annee) {
        Http.Reponse r = http.postMultipart("/api/dossiers/" + numero + "/bilans/" + annee,
                Map.of("bilanActivite", java.util.List.of(Http.Fichier.pdf("bilan-activite-" + annee + ".pdf", "activite " + annee + numero)),
                        "compteRenduFinancier", java.util.List.of(Http.Fichier.pdf("compte-rendu-" + annee + ".pdf", "comptes " + annee + numero))),
                Map.of("commentaire", "Activité de l'année " + annee + " : 1 200 usagers, comptes équilibrés."), bearer(jeton));
        assertThat(r.statut()).as(r.corps()).isEqualTo(202);
        executerJobs();
    }

    @Test
    void unMauvaisMontantSoumisParRestEstRefuseSansRienEcrire() {
        deposer();
        soumettre("instructeur", "UserTask_VerifierCompletude", "complet", "true");
        soumettre("referent-58", "UserTask_DonnerAvisTerritorial", "avisTerritorial", "FAVORABLE");
        String id = tache("instructeur", "UserTask_InstruireDossier");
        Http.Reponse r = http.postJson("/engine-rest/task/" + id + "/submit-form", variables(notes(5, 4, 4, 3, 4, 3,
                "montantPropose1", 60000, "montantPropose2", 50000, "montantPropose3", "quarante mille",
                "motifProposition", "Projet solide", "absenceConflitInterets", true)), basic("instructeur"));
        assertThat(r.statut()).as(r.corps()).isEqualTo(400);
        assertThat(r.json().get("message").asText()).contains("montantPropose3").contains("nombre entier");
        r = http.postJson("/engine-rest/task/" + id + "/submit-form", variables(notes(5, 4, 4, 3, 7, 3,
                "montantPropose1", 60000, "montantPropose2", 50000, "montantPropose3", 40000,
                "motifProposition", "Projet solide", "absenceConflitInterets", false)), basic("instructeur"));
        assertThat(r.statut()).as(r.corps()).isEqualTo(400);
        assertThat(r.json().get("message").asText()).contains("montantPropose1").contains("50 000 €")
                .contains("noteModeleEconomique").contains("absenceConflitInterets").contains("conflit d'intérêts");
        Http.Reponse encore = http.get("/engine-rest/task/" + id, basic("instructeur"));
        assertThat(encore.statut()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from instruction i join dossier d on d.id = i.dossier_id where d.numero = ? and i.proposition is not null")
                .param(numero).query(Integer.class).single()).isZero();
    }

    @Test
    void lesColonnesDuFiltreMontrentLeDossierALInstructeur() {
        deposer();
        String filtre = null;
        for (JsonNode f : http.get("/engine-rest/filter?resourceType=Task", basic("instructeur")).json()) {
            if ("Tâches de mon groupe".equals(f.get("name").asText())) {
                filtre = f.get("id").asText();
            }
        }
        assertThat(filtre).isNotNull();
        // What Tasklist sends: the list with the filter's variables, in HAL.
        Map<String, String> hal = new java.util.HashMap<>(basic("instructeur"));
        hal.put("Accept", "application/hal+json");
        Http.Reponse r = http.envoyer("POST", "/engine-rest/filter/" + filtre + "/list?firstResult=0&maxResults=200", "{}",
                "application/json", hal);
        assertThat(r.statut()).as(r.corps()).isEqualTo(200);
        JsonNode tache = null;
        for (JsonNode t : r.json().get("_embedded").get("task")) {
            if (t.get("name").asText().contains(numero)) {
                tache = t;
            }
        }
        assertThat(tache).as("la tâche du dossier dans « Tâches de mon groupe »").isNotNull();
        java.util.Map<String, String> colonnes = new java.util.HashMap<>();
        for (JsonNode v : tache.path("_embedded").path("variable")) {
            colonnes.put(v.get("name").asText(), v.get("value").asText());
        }
        assertThat(colonnes).containsEntry("numero", numero).containsEntry("structure", "Association La Fabrique du Val")
                .containsEntry("categorie", "HORS_GRANDS_CENTRES").containsKey("vague");
    }

    @Test
    void leReferentDUnAutreDepartementNeVoitPasLaTache() {
        deposer();
        soumettre("instructeur", "UserTask_VerifierCompletude", "complet", "true");
        Http.Reponse autre = http.get("/engine-rest/task?processInstanceBusinessKey=" + numero, basic("referent-75"));
        assertThat(autre.json()).isEmpty();
        tache("referent-58", "UserTask_DonnerAvisTerritorial");
    }

    @Test
    void demandeDeComplementsPuisReponseDuPorteur() {
        deposer();
        soumettre("instructeur", "UserTask_VerifierCompletude", "complet", "false", "piecesManquantes", "RIB et statuts signés");
        assertThat(statut()).isEqualTo("EN_ATTENTE_COMPLEMENTS");
        assertThat(vuePorteur().get("historique").toString()).contains("RIB et statuts signés");
        Http.Reponse r = http.postJson("/api/dossiers/" + numero + "/complements", Map.of("message", "RIB et statuts joints"), bearer(jeton));
        assertThat(r.statut()).as(r.corps()).isEqualTo(200);
        assertThat(statut()).isEqualTo("EN_INSTRUCTION");
        tache("instructeur", "UserTask_VerifierCompletude");
    }

    @Test
    void sansReponseLeDossierEstClasseSansSuite() {
        deposer();
        soumettre("instructeur", "UserTask_VerifierCompletude", "complet", "false", "piecesManquantes", "Budget prévisionnel");
        declencherTimer("BoundaryEvent_DelaiComplementsEchu");
        assertThat(statut()).isEqualTo("CLASSE_SANS_SUITE");
    }
}
