package fr.gouv.fabriques.integration;

import static fr.gouv.fabriques.integration.Http.basic;
import static fr.gouv.fabriques.integration.Http.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gouv.fabriques.application.vague.CreerVague;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code GET /api/agents/pilotage}, the figures of the Cockpit « Programme » page: exact counts and amounts on dossiers brought
 * through their steps, the delays' quantiles on dates set by hand, the overdue tasks against the task API, who may read it.
 */
@IntegrationTest
class PilotageIT {

    private static final String LAUREATS = "LAUREAT,CONVENTION_SIGNEE_PORTEUR,CONVENTIONNE,VERSEMENTS_SUSPENDUS,SOLDE,SOLDE_APRES_REVERSEMENT,RESILIE";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.context.ApplicationContext contexte;
    @Autowired
    TaskService taches;
    @Autowired
    CreerVague creerVague;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;

    Http http;
    Parcours parcours;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        parcours = Parcours.pour(port, contexte);
    }

    private String vague() {
        String code = Parcours.codeVague("FDT", 2037);
        creerVague.creer(code, "FABRIQUES_TERRITOIRE", Parcours.dans(Duration.ofDays(600)), null);
        return code;
    }

    private JsonNode pilotage(String requete) {
        Http.Reponse r = http.get("/api/agents/pilotage" + requete, basic("gestionnaire"));
        assertThat(r.statut()).as(r.corps()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode ligne(JsonNode liste, String champ, String valeur) {
        for (JsonNode n : liste) {
            if (valeur.equals(n.get(champ).asText())) {
                return n;
            }
        }
        throw new AssertionError(valeur + " absent de " + liste);
    }

    @Test
    void lesChiffresDUneVagueSontExactsEtMenentALaListeDesDossiers() {
        JsonNode avant = pilotage("");
        String code = vague();
        String a = parcours.deposer(code, "HORS_GRANDS_CENTRES");
        String b = parcours.deposer(code, "QPV");
        String c = parcours.deposer(code, "HORS_GRANDS_CENTRES");
        for (String n : List.of(a, b, c)) {
            parcours.instruire(n);
        }
        parcours.deliberer(code, Map.of(a, "LAUREAT", b, "LAUREAT", c, "REFUSE"));
        assertThat(parcours.publier(code)).isNull();
        for (String n : List.of(a, b, c)) {
            parcours.executerJobs(n);
        }
        parcours.signerParLePorteur(a);
        parcours.completer(a, "UserTask_SignerConventionEtat", "gestionnaire", Map.of("signatureEtat", true));
        parcours.ordonnancerEtValider(a);
        Http.Reponse renonce = http.postJson("/api/dossiers/" + b + "/retrait", Map.of("motif", "Le projet ne se fera pas"),
                bearer(parcours.jeton(b)));
        assertThat(renonce.statut()).as(renonce.corps()).isEqualTo(200);
        assertThat(List.of(parcours.statut(a), parcours.statut(b), parcours.statut(c))).containsExactly("CONVENTIONNE", "RENONCE", "REFUSE");

        JsonNode p = pilotage("?vague=" + code);
        assertThat(p.get("perimetre").get("vague").asText()).isEqualTo(code);
        JsonNode pipeline = p.get("pipeline");
        assertThat(pipeline.get("total").asLong()).isEqualTo(3);
        assertThat(pipeline.get("dossiers").asText()).isEqualTo("/agents/dossiers?vague=" + code);
        for (JsonNode s : pipeline.get("parStatut")) {
            long attendu = switch (s.get("code").asText()) {
                case "CONVENTIONNE", "RENONCE", "REFUSE" -> 1;
                default -> 0;
            };
            assertThat(s.get("nombre").asLong()).as(s.get("code").asText()).isEqualTo(attendu);
        }
        JsonNode conventionnes = ligne(pipeline.get("parStatut"), "code", "CONVENTIONNE");
        assertThat(conventionnes.get("libelle").asText()).isEqualTo("conventionné");
        assertThat(conventionnes.get("dossiers").asText()).isEqualTo("/agents/dossiers?vague=" + code + "&statut=CONVENTIONNE");
        assertThat(pipeline.get("parVague")).hasSize(1);
        JsonNode v = pipeline.get("parVague").get(0);
        assertThat(v.get("code").asText()).isEqualTo(code);
        assertThat(v.get("nombre").asLong()).isEqualTo(3);
        assertThat(v.get("laureats").asLong()).as("le lauréat qui a renoncé a rendu sa place").isEqualTo(1);
        assertThat(v.get("dossiersLaureats").asText()).isEqualTo("/agents/dossiers?vague=" + code + "&statut=" + LAUREATS);
        assertThat(ligne(pipeline.get("parAppel"), "code", "FABRIQUES_TERRITOIRE").get("nombre").asLong()).isEqualTo(3);
        assertThat(ligne(pipeline.get("parAppel"), "code", "FABRIQUES_NUMERIQUES").get("nombre").asLong()).isZero();

        // The deposits are in Nevers (58, Bourgogne-Franche-Comté, 27).
        JsonNode region = ligne(p.get("geographie").get("regions"), "code", "27");
        assertThat(region.get("nom").asText()).isEqualTo("Bourgogne-Franche-Comté");
        assertThat(region.get("dossiers").asLong()).isEqualTo(3);
        assertThat(region.get("laureats").asLong()).isEqualTo(1);
        assertThat(region.get("lienDossiers").asText()).isEqualTo("/agents/dossiers?vague=" + code + "&region=27");
        assertThat(region.get("lienLaureats").asText()).isEqualTo("/agents/dossiers?vague=" + code + "&region=27&statut=" + LAUREATS);
        JsonNode departement = ligne(p.get("geographie").get("departements"), "code", "58");
        assertThat(departement.get("region").asText()).isEqualTo("27");
        assertThat(departement.get("nom").asText()).isEqualTo("Nièvre");
        assertThat(departement.get("nomRegion").asText()).isEqualTo("Bourgogne-Franche-Comté");
        assertThat(departement.get("dossiers").asLong()).isEqualTo(3);
        assertThat(departement.get("laureats").asLong()).isEqualTo(1);
        assertThat(departement.get("lienDossiers").asText()).isEqualTo("/agents/dossiers?vague=" + code + "&departement=58");
        assertThat(p.get("geographie").get("regions")).hasSize(1);

        // The wave's money: A's first year paid, B's whole commitment given back when it renounced.
        JsonNode enveloppe = p.get("enveloppe");
        assertThat(enveloppe.get("verse").asLong()).isEqualTo(50_000);
        assertThat(enveloppe.get("recouvre").asLong()).isZero();
        assertThat(enveloppe.get("libere").asLong()).isEqualTo(150_000);
        assertThat(enveloppe.get("dossiersLiberes").asText())
                .isEqualTo("/agents/dossiers?vague=" + code + "&statut=CADUC,SOLDE_APRES_REVERSEMENT,RESILIE,RENONCE,ANNULE");

        // The programme's counters moved by A alone (B's place and amount came back); the quotas link to all waves.
        JsonNode apres = pilotage("");
        JsonNode hgcAvant = ligne(avant.get("quotas"), "categorie", "HORS_GRANDS_CENTRES");
        JsonNode hgc = ligne(apres.get("quotas"), "categorie", "HORS_GRANDS_CENTRES");
        assertThat(hgc.get("laureats").asInt() - hgcAvant.get("laureats").asInt()).isEqualTo(1);
        assertThat(hgc.get("placesRestantes").asInt()).isEqualTo(hgc.get("quota").asInt() - hgc.get("laureats").asInt());
        assertThat(ligne(apres.get("quotas"), "categorie", "QPV").get("laureats").asInt())
                .isEqualTo(ligne(avant.get("quotas"), "categorie", "QPV").get("laureats").asInt());
        assertThat(ligne(apres.get("quotas"), "categorie", "QPV").get("dossiers").asText())
                .isEqualTo("/agents/dossiers?categorie=QPV&statut=" + LAUREATS);
        assertThat(apres.get("enveloppe").get("engage").asLong() - avant.get("enveloppe").get("engage").asLong()).isEqualTo(150_000);
        assertThat(apres.get("enveloppe").get("restant").asLong())
                .isEqualTo(apres.get("enveloppe").get("enveloppe").asLong() - apres.get("enveloppe").get("engage").asLong());
        assertThat(apres.get("enveloppe").get("verse").asLong() - avant.get("enveloppe").get("verse").asLong()).isEqualTo(50_000);
        assertThat(apres.get("enveloppe").get("libere").asLong() - avant.get("enveloppe").get("libere").asLong()).isEqualTo(150_000);
        assertThat(apres.get("pipeline").get("total").asLong() - avant.get("pipeline").get("total").asLong()).isEqualTo(3);

        // Delays on known dates: deposit T0, complete after 1, 3 and 11 days, instructed 2 days later, decided 10, 20 and 30 days later,
        // A signed by the State 45.5 days after the decision and paid 7 days after.
        Instant t0 = Instant.parse("2030-01-06T09:00:00Z");
        Map<String, Integer> complet = Map.of(a, 1, b, 3, c, 11);
        Map<String, Integer> decide = Map.of(a, 10, b, 20, c, 30);
        Map<String, Instant> decisions = new HashMap<>();
        for (String n : List.of(a, b, c)) {
            Instant completLe = t0.plus(Duration.ofDays(complet.get(n)));
            Instant instruitLe = completLe.plus(Duration.ofDays(2));
            Instant decideLe = instruitLe.plus(Duration.ofDays(decide.get(n)));
            decisions.put(n, decideLe);
            long id = jdbc.sql("select id from dossier where numero = ?").param(n).query(Long.class).single();
            jdbc.sql("update dossier set depose_le = ? where id = ?").param(ts(t0)).param(id).update();
            jdbc.sql("update instruction set completude_le = ?, validee_le = ? where dossier_id = ?").param(ts(completLe)).param(ts(instruitLe))
                    .param(id).update();
            assertThat(jdbc.sql("update decision_comite set publiee_le = ? where dossier_id = ? and etat = 'PUBLIEE'").param(ts(decideLe))
                    .param(id).update()).isEqualTo(1);
        }
        Instant signeLe = decisions.get(a).plus(Duration.ofHours(45 * 24 + 12));
        jdbc.sql("update convention set signee_etat_le = ? where dossier_id = (select id from dossier where numero = ?)").param(ts(signeLe))
                .param(a).update();
        jdbc.sql("update versement set emis_le = ? where annee = 1 and dossier_id = (select id from dossier where numero = ?)")
                .param(ts(signeLe.plus(Duration.ofDays(7)))).param(a).update();

        JsonNode delais = pilotage("?vague=" + code).get("delais");
        assertDelai(delais, "DEPOT_COMPLET", 3, 3.0, 9.4);       // 1, 3, 11: 3 + 0.8 × (11 − 3)
        assertDelai(delais, "COMPLET_INSTRUIT", 3, 2.0, 2.0);
        assertDelai(delais, "INSTRUIT_DECIDE", 3, 20.0, 28.0);    // 10, 20, 30
        assertDelai(delais, "DEPOT_DECIDE", 3, 25.0, 39.4);       // 13, 25, 43
        assertDelai(delais, "DECIDE_SIGNE", 1, 45.5, 45.5);
        assertDelai(delais, "SIGNE_VERSEMENT_1", 1, 7.0, 7.0);
        assertDelai(delais, "VERSEMENT_1_VERSEMENT_2", 0, null, null);
        assertThat(ligne(delais, "etape", "DEPOT_COMPLET").get("libelle").asText()).isEqualTo("Dépôt → dossier complet");
    }

    private static java.sql.Timestamp ts(Instant i) {
        return java.sql.Timestamp.from(i);
    }

    private static void assertDelai(JsonNode delais, String etape, long nombre, Double mediane, Double centile90) {
        JsonNode d = ligne(delais, "etape", etape);
        assertThat(d.get("nombre").asLong()).as(etape).isEqualTo(nombre);
        if (mediane == null) {
            assertThat(d.get("medianeJours").isNull()).as(etape).isTrue();
            assertThat(d.get("centile90Jours").isNull()).as(etape).isTrue();
        } else {
            assertThat(d.get("medianeJours").asDouble()).as(etape).isEqualTo(mediane);
            assertThat(d.get("centile90Jours").asDouble()).as(etape).isEqualTo(centile90);
        }
    }

    @Test
    void unReversementRecuEstRecouvreEtLeNonVerseEstLibereLaPlaceRestePrise() {
        String code = vague();
        String numero = parcours.conventionne(code, "HORS_GRANDS_CENTRES");
        parcours.ordonnancerEtValider(numero);
        for (var j : management.createJobQuery().activityId("TimerEvent_EcheanceVersement").list()) {
            if (numero.equals(runtime.createProcessInstanceQuery().processInstanceId(j.getProcessInstanceId()).singleResult().getBusinessKey())) {
                management.executeJob(j.getId());
            }
        }
        Http.Reponse bilan = http.postMultipart("/api/dossiers/" + numero + "/bilans/1",
                Map.of("bilanActivite", List.of(Http.Fichier.pdf("bilan.pdf", numero)), "compteRenduFinancier",
                        List.of(Http.Fichier.pdf("comptes.pdf", numero))), Map.of("commentaire", "Activité réduite"), bearer(parcours.jeton(numero)));
        assertThat(bilan.statut()).as(bilan.corps()).isEqualTo(202);
        parcours.completer(numero, "UserTask_ValiderBilanAnnuel", "instructeur", Map.of("decisionBilan", "REJETE",
                "motifBilan", "Compte rendu financier incomplet"));
        parcours.completer(numero, "UserTask_DeciderReversement", "gestionnaire", Map.of("suiteSuspension", "REVERSEMENT",
                "montantReversement", 20000, "motifReversement", "Dépenses non justifiées de l'année 1"));
        parcours.completer(numero, "UserTask_EnregistrerReversementRecu", "financier", Map.of("montantRecu", 20000));
        parcours.completer(numero, "UserTask_ValiderReversementRecu", "financier2", Map.of("decisionReversementRecu", "VALIDE"));
        assertThat(parcours.statut(numero)).isEqualTo("SOLDE_APRES_REVERSEMENT");

        JsonNode p = pilotage("?vague=" + code);
        JsonNode enveloppe = p.get("enveloppe");
        assertThat(enveloppe.get("verse").asLong()).isEqualTo(50_000);
        assertThat(enveloppe.get("recouvre").asLong()).isEqualTo(20_000);
        assertThat(enveloppe.get("libere").asLong()).as("le non-versé de la convention résiliée").isEqualTo(100_000);
        assertThat(enveloppe.get("dossiersRecouvres").asText())
                .isEqualTo("/agents/dossiers?vague=" + code + "&statut=SOLDE_APRES_REVERSEMENT,RESILIE");
        assertThat(ligne(p.get("pipeline").get("parStatut"), "code", "SOLDE_APRES_REVERSEMENT").get("nombre").asLong()).isEqualTo(1);
        assertThat(p.get("pipeline").get("parVague").get(0).get("laureats").asLong()).as("la place du quota reste prise").isEqualTo(1);
        JsonNode finances = http.get("/api/agents/dossiers/" + numero + "/finances", basic("financier")).json();
        assertThat(enveloppe.get("libere").asLong()).as("les règles des finances du dossier").isEqualTo(finances.get("libere").asLong());
    }

    @Test
    void lesTachesEnRetardSontCompteesParGroupeCandidatCommeLeDitLeMoteur() {
        String numero = parcours.deposer(vague(), "HORS_GRANDS_CENTRES");
        Task t = taches.createTaskQuery().processInstanceBusinessKey(numero).taskDefinitionKey("UserTask_VerifierCompletude").singleResult();
        Instant maintenant = Instant.now();
        t.setDueDate(Date.from(maintenant.minus(Duration.ofDays(3))));
        taches.saveTask(t);
        ClockUtil.setCurrentTime(Date.from(maintenant));
        try {
            JsonNode retards = pilotage("").get("tachesEnRetard");
            JsonNode instructeurs = ligne(retards.get("groupes"), "groupe", "instructeurs");
            assertThat(instructeurs.get("nombre").asLong()).isEqualTo(taches.createTaskQuery().taskCandidateGroup("instructeurs")
                    .includeAssignedTasks().active().dueBefore(Date.from(maintenant)).count()).isPositive();
            JsonNode tache = null;
            for (JsonNode n : instructeurs.get("taches")) {
                if (numero.equals(n.get("numero").asText(null))) {
                    tache = n;
                }
            }
            if (instructeurs.get("nombre").asLong() <= 20) {
                assertThat(tache).as("la tâche en retard de " + numero).isNotNull();
                assertThat(tache.get("fiche").asText()).isEqualTo("/agents/dossiers/" + numero);
                assertThat(tache.get("tache").asText()).contains(numero);
            }
            long total = 0;
            for (JsonNode g : retards.get("groupes")) {
                total += g.get("nombre").asLong();
            }
            assertThat(retards.get("total").asLong()).isEqualTo(total);
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void lePilotageEstReserveAuxGestionnairesAnalystesEtAuComite() {
        for (String agent : List.of("gestionnaire", "analyste", "comite", "admin")) {
            Http.Reponse r = http.get("/api/agents/pilotage", basic(agent));
            assertThat(r.statut()).as(agent).isEqualTo(200);
            // The links lead to the list and the sheets: only the agents who may open them are told so.
            assertThat(r.json().get("listeOuverte").asBoolean()).as(agent).isEqualTo(List.of("gestionnaire", "comite").contains(agent));
            if (!agent.equals("admin")) {
                Map<String, String> page = new java.util.HashMap<>(basic(agent));
                page.put("Accept", "text/html");
                assertThat(http.get(r.json().get("pipeline").get("dossiers").asText(), page).statut()).as(agent)
                        .isEqualTo(agent.equals("analyste") ? 403 : 200);
                if (agent.equals("gestionnaire")) {
                    // Every link the page offers is one the list reads (an unknown parameter or value there is a 400).
                    java.util.Set<String> liens = new java.util.TreeSet<>();
                    r.json().findValues("dossiers").forEach(v -> {
                        if (v.isTextual() && v.asText().startsWith("/agents/dossiers")) {
                            liens.add(v.asText());
                        }
                    });
                    r.json().findValues("lienDossiers").forEach(v -> liens.add(v.asText()));
                    r.json().findValues("lienLaureats").forEach(v -> liens.add(v.asText()));
                    assertThat(liens).hasSizeGreaterThan(5);
                    for (String lien : liens) {
                        assertThat(http.get(lien, page).statut()).as(lien).isEqualTo(200);
                    }
                }
            }
        }
        for (String agent : List.of("instructeur", "financier", "referent-58")) {
            Http.Reponse r = http.get("/api/agents/pilotage", basic(agent));
            assertThat(r.statut()).as(agent).isEqualTo(403);
            assertThat(r.brute().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        assertThat(http.get("/api/agents/pilotage", Map.of()).statut()).isEqualTo(401);
    }

    @Test
    void uneVagueOuUnAppelInconnuEst422() {
        Http.Reponse r = http.get("/api/agents/pilotage?vague=FDT-1999-XX&appel=TOUS", basic("gestionnaire"));
        assertThat(r.statut()).isEqualTo(422);
        assertThat(r.corps()).contains("vague").contains("appel").contains("FABRIQUES_TERRITOIRE");
        JsonNode numeriques = pilotage("?appel=FABRIQUES_NUMERIQUES");
        assertThat(numeriques.get("pipeline").get("parAppel")).hasSize(1);
        assertThat(numeriques.get("pipeline").get("parVague")).allSatisfy(v -> assertThat(v.get("appel").asText()).isEqualTo("FABRIQUES_NUMERIQUES"));
        assertThat(numeriques.get("pipeline").get("dossiers").asText()).isEqualTo("/agents/dossiers?appel=FABRIQUES_NUMERIQUES");
    }
}
