package fr.gouv.fabriques.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Brings dossiers and waves through their steps quickly, through the engine's Java
 * API with the demo users' identities (what Tasklist does over HTTP, which
 * {@link CycleDeVieIT} covers). For the tests that need many dossiers.
 */
final class Parcours {

    private final Http http;
    private final RuntimeService runtime;
    private final TaskService taches;
    private final ManagementService management;
    private final IdentityService identite;
    private final JdbcClient jdbc;
    private final Map<String, String> jetons = new java.util.concurrent.ConcurrentHashMap<>();

    /** For a test of the shared integration context: the engine's services and the database from the context. */
    static Parcours pour(int port, org.springframework.context.ApplicationContext contexte) {
        return new Parcours(new Http(port), contexte.getBean(RuntimeService.class), contexte.getBean(TaskService.class),
                contexte.getBean(ManagementService.class), contexte.getBean(IdentityService.class), contexte.getBean(JdbcClient.class));
    }

    Parcours(Http http, RuntimeService runtime, TaskService taches, ManagementService management, IdentityService identite,
            JdbcClient jdbc) {
        this.http = http;
        this.runtime = runtime;
        this.taches = taches;
        this.management = management;
        this.identite = identite;
        this.jdbc = jdbc;
    }

    /**
     * A laureate of the (open) wave whose convention both parties signed: deposited, instructed, decided,
     * published, signed by the applicant then by the State; returns its number.
     */
    String conventionne(String vague, String categorie) {
        String numero = deposer(vague, categorie);
        instruire(numero);
        deliberer(vague, Map.of(numero, "LAUREAT"));
        assertThat(publier(vague)).isNull();
        executerJobs(numero);
        signerParLePorteur(numero);
        completer(numero, "UserTask_SignerConventionEtat", "gestionnaire", Map.of("signatureEtat", true));
        assertThat(statut(numero)).isEqualTo("CONVENTIONNE");
        return numero;
    }

    /** Deposits a valid dossier of the category in the wave; returns its number. */
    String deposer(String vague, String categorie) {
        return deposerAvecJeton(vague, categorie).numero();
    }

    /** A deposit's number and the applicant's access token. */
    record Depot(String numero, String jeton) {
    }

    /** Same, with the token the applicant received. */
    Depot deposerAvecJeton(String vague, String categorie) {
        ObjectNode depot = Depots.valide();
        depot.put("vague", vague);
        depot.put("categorie", categorie);
        if (!"HORS_GRANDS_CENTRES".equals(categorie)) {
            ((ObjectNode) depot.get("structure")).put("codeQpv", "QP058001");
        }
        if ("NUMERIQUE_QPV".equals(categorie)) {
            depot.put("appel", "FABRIQUES_NUMERIQUES");
        }
        Http.Reponse r = http.postJson("/api/dossiers", depot, Map.of());
        assertThat(r.statut()).as(r.corps()).isEqualTo(201);
        String numero = r.json().get("numero").asText();
        jetons.put(numero, r.json().get("jetonAcces").asText());
        executerJobs(numero);
        return new Depot(numero, r.json().get("jetonAcces").asText());
    }

    String jeton(String numero) {
        return jetons.get(numero);
    }

    /** The laureate signs its convention through the applicants' API. */
    void signerParLePorteur(String numero) {
        Http.Reponse r = http.postMultipart("/api/dossiers/" + numero + "/convention/signature",
                List.of(new Http.Fichier("convention-signee.pdf", "application/pdf", Televersements.pdfSigne("Lu et approuvé, " + numero))),
                Map.of("signataire", "Camille Martin, présidente"), Http.bearer(jeton(numero)));
        assertThat(r.statut()).as(r.corps()).isEqualTo(200);
        executerJobs(numero);
    }

    String statut(String numero) {
        return jdbc.sql("select statut from dossier where numero = ?").param(numero).query(String.class).single();
    }

    /** Completeness, referent, scored instruction, validation: the dossier ends INSTRUIT. */
    void instruire(String numero) {
        completer(numero, "UserTask_VerifierCompletude", "instructeur", Map.of("complet", "true"));
        completer(numero, "UserTask_DonnerAvisTerritorial", "referent-58", Map.of("avisTerritorial", "FAVORABLE"));
        Map<String, Object> instruction = new java.util.HashMap<>(Map.of("noteGouvernance", 4, "notePartenariats", 4,
                "noteBesoinLocal", 4, "noteOffreServices", 4, "noteModeleEconomique", 4, "noteEmploi", 4));
        instruction.putAll(Map.of("montantPropose1", 50000, "montantPropose2", 50000, "montantPropose3", 50000,
                "motifProposition", "Projet solide et bien ancré", "absenceConflitInterets", true));
        completer(numero, "UserTask_InstruireDossier", "instructeur", instruction);
        completer(numero, "UserTask_ValiderProposition", "gestionnaire", Map.of("propositionValidee", "true"));
        assertThat(statut(numero)).isEqualTo("INSTRUIT");
    }

    void completer(String cleMetier, String tache, String utilisateur, Map<String, Object> variables) {
        Task t = taches.createTaskQuery().processInstanceBusinessKey(cleMetier).taskDefinitionKey(tache).singleResult();
        assertThat(t).as(tache + " de " + cleMetier).isNotNull();
        identite.setAuthentication(utilisateur, identite.createGroupQuery().groupMember(utilisateur).list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).toList());
        try {
            taches.claim(t.getId(), utilisateur);
            taches.complete(t.getId(), variables);
        } finally {
            identite.clearAuthentication();
        }
        executerJobs(cleMetier);
    }

    /** The payment in progress ordered by « financier » and validated by « financier2 » (four eyes); the job issues it. */
    void ordonnancerEtValider(String numero) {
        completer(numero, "UserTask_OrdonnancerVersement", "financier", Map.of("confirmationOrdonnancement", true));
        completer(numero, "UserTask_ValiderOrdreVersement", "financier2", Map.of("decisionOrdre", "VALIDE"));
    }

    /** Closes the wave early, prepares the session and records the committee's decisions (not yet published). */
    void deliberer(String vague, Map<String, String> decisions) {
        runtime.createMessageCorrelation("ClotureVague").processInstanceBusinessKey(vague).correlate();
        deliberer(vague, decisions, true);
    }

    /** Same, once the wave is already closed (by its deadline timer). */
    void deliberer(String vague, Map<String, String> decisions, boolean dejaClose) {
        completer(vague, "UserTask_PreparerSeance", "gestionnaire", Map.of("seancePreparee", true));
        deciderTaches(vague, decisions);
    }

    /**
     * The committee completes the decision task of every dossier on the agenda, as Tasklist
     * would: the given decision (laureates at 50,000 € a year), the others adjourned.
     */
    void deciderTaches(String vague, Map<String, String> decisions) {
        executerJobs(vague);
        List<Task> ouvertes = taches.createTaskQuery().processInstanceBusinessKey(vague).taskDefinitionKey("UserTask_DeciderDossier").list();
        identite.setAuthentication("comite", List.of("comite-selection"));
        try {
            for (Task t : ouvertes) {
                String numero = (String) taches.getVariableLocal(t.getId(), "numero");
                String decision = decisions.getOrDefault(numero, "AJOURNE");
                Map<String, Object> v = new java.util.HashMap<>();
                v.put("decisionComite", decision);
                if ("LAUREAT".equals(decision)) {
                    v.put("montantComite1", 50000);
                    v.put("montantComite2", 50000);
                    v.put("montantComite3", 50000);
                }
                if ("REFUSE".equals(decision)) {
                    v.put("motivationComite", "Modèle économique trop fragile");
                }
                taches.claim(t.getId(), "comite");
                taches.complete(t.getId(), v);
            }
        } finally {
            identite.clearAuthentication();
        }
        executerJobs(vague);
    }

    /** The programme manager publishes; returns the refusal message, or null if published. */
    String publier(String vague) {
        try {
            completer(vague, "UserTask_ArreterDecisions", "gestionnaire", Map.of("decisionsArretees", "true"));
            // Published in the background (ServiceTask_PublierDecisions, run by completer's executerJobs): its outcome is on the wave.
            return jdbc.sql("select refus from publication_vague where vague = ?").param(vague).query(String.class).optional().orElse(null);
        } catch (RuntimeException e) {
            Throwable t = e;
            while (t.getCause() != null && !(t instanceof fr.gouv.fabriques.domain.ErreurMetier)) {
                t = t.getCause();
            }
            return t.getMessage();
        }
    }

    /** Runs the due jobs of every process instance with this business key (dossier number or wave code). */
    void executerJobs(String cleMetier) {
        boolean encore = true;
        while (encore) {
            encore = false;
            for (var pi : runtime.createProcessInstanceQuery().processInstanceBusinessKey(cleMetier).list()) {
                for (Job j : management.createJobQuery().processInstanceId(pi.getId()).executable().list()) {
                    management.executeJob(j.getId());
                    encore = true;
                }
            }
        }
    }

    private static final java.util.concurrent.atomic.AtomicInteger VAGUES = new java.util.concurrent.atomic.AtomicInteger();

    /** A wave code no other test uses: the call's prefix, a year, six letters and digits. */
    static String codeVague(String prefixe, int annee) {
        long n = (System.nanoTime() & 0xFFFFFFFL) * 64 + VAGUES.incrementAndGet() % 64;
        String repere = Long.toString(n, 36).toUpperCase();
        repere = ("000000" + repere).substring(repere.length());
        return prefixe + "-" + annee + "-" + repere;
    }

    static Instant dans(Duration d) {
        return Instant.now().plus(d);
    }
}
