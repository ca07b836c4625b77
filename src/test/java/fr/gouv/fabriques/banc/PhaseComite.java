package fr.gouv.fabriques.banc;

import fr.gouv.fabriques.integration.GrandeVague;
import static fr.gouv.fabriques.banc.ClientBanc.basic;
import static fr.gouv.fabriques.banc.ClientBanc.variables;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The committee in the benchmark (issue 13, points 1 and 4).
 * <ul>
 * <li>{@link #comite(int)}: a wave of N instructed dossiers (prepared fast, not measured: clones of a dossier the lifecycle
 * instructed, their processes started where an instructed dossier waits for its committee, as {@code integration/GrandeVague}
 * does), closed and prepared; then measured: the session (every « Décider du dossier » through claim, form, submit-form with T
 * client threads, then « Arrêter les décisions ») and the publication job until the wave reads {@code PUBLIEE};</li>
 * <li>{@link #publication(int)}: the publication of M decisions (decided in bulk through the agents' API) against M bare
 * message correlations in the same run: a generated process that waits for a message exactly as a dossier waits for its
 * committee's decision (receive task, asynchronous continuation after it), correlated through the Java API by business key
 * with one variable, as {@code ProcessusDossierMoteur#decisionPubliee} does from the publication job — no HTTP, no
 * authorization check, one thread.</li>
 * </ul>
 */
final class PhaseComite {

    /** The generated process of the bare correlations. */
    static final String PROCESSUS_MESSAGE = "Process_BancMessage";
    static final String MESSAGE = "BancMessageNu";

    /** Prints a line of the report (BancPerformance#ligne). */
    interface Rapport {
        void ligne(String format, Object... valeurs);
    }

    private final ConfigurableApplicationContext contexte;
    private final int port;
    private final int t;
    private final Rapport rapport;
    private final Map<String, Object> resultats;
    private final JdbcClient jdbc;
    private final RuntimeService runtime;

    PhaseComite(ConfigurableApplicationContext contexte, int port, int t, Rapport rapport, Map<String, Object> resultats) {
        this.contexte = contexte;
        this.port = port;
        this.t = t;
        this.rapport = rapport;
        this.resultats = resultats;
        this.jdbc = contexte.getBean(JdbcClient.class);
        this.runtime = contexte.getBean(RuntimeService.class);
    }

    /** Wall time and CPU of this JVM over a measured stretch. */
    record Duree(double secondes, double cpuJvmMs) {
        static long cpu() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        }

        static Duree depuis(long debut, long cpuDebut) {
            return new Duree((System.nanoTime() - debut) / 1e9, (cpu() - cpuDebut) / 1e6);
        }

        Map<String, Object> resume(int combien) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("nombre", combien);
            r.put("duree_s", secondes);
            r.put("debit_par_s", combien / secondes);
            r.put("cpu_jvm_ms", cpuJvmMs);
            return r;
        }
    }

    // --- The committee of a wave of N dossiers ------------------------------------------------------------

    void comites(List<Integer> tailles) throws Exception {
        rapport.ligne("## Comité d'une vague : séance (T = %d membres en parallèle) et publication", t);
        rapport.ligne("");
        rapport.ligne("Préparation non mesurée : N dossiers instruits (clones SQL d'un dossier instruit par le cycle de vie, processus démarré "
                + "avant « Décision du comité »), clôture, « Préparer la séance », création des tâches par le job.");
        rapport.ligne("");
        rapport.ligne("| dossiers | décider les N dossiers (claim, form, submit-form), durée / débit | « Décider du dossier » submit-form p50 / p95 "
                + "| « Arrêter les décisions » (submit-form) | publication jusqu'à PUBLIEE | débit de la publication | CPU JVM séance / publication |");
        rapport.ligne("|---|---|---|---|---|---|---|");
        Map<String, Object> r = new LinkedHashMap<>();
        for (int taille : tailles) {
            r.put(String.valueOf(taille), comite(taille));
        }
        rapport.ligne("");
        resultats.put("comite", r);
    }

    private Map<String, Object> comite(int taille) throws Exception {
        Chronos chronos = new Chronos();
        ClientBanc http = new ClientBanc(port, chronos);
        String vague = ouvrirVague(http);
        List<String> numeros = preparer(vague, taille);
        JsonNode decisions = cloreEtPreparer(http, vague, taille);
        int laureats = Math.min(taille / 20, placesRestantes());

        long debut = System.nanoTime();
        long cpu = Duree.cpu();
        ExecutorService fils = Executors.newFixedThreadPool(t);
        try {
            List<Callable<Void>> membres = new ArrayList<>();
            for (int f = 0; f < t; f++) {
                int rang = f;
                membres.add(() -> {
                    for (int i = rang; i < decisions.size(); i += t) {
                        BancPerformance.travailler(http, decisions.get(i).get("id").asText(), "comite", "Décider du dossier", decision(i, laureats));
                    }
                    return null;
                });
            }
            for (Future<Void> f : fils.invokeAll(membres)) {
                f.get();
            }
        } finally {
            fils.shutdownNow();
        }
        double decider = (System.nanoTime() - debut) / 1e9;
        String arret = tacheSeule(http, vague, "UserTask_ArreterDecisions");
        http.post("claim", "/engine-rest/task/" + arret + "/claim", Map.of("userId", "gestionnaire"), basic("gestionnaire")).attendre(204, "claim");
        http.get("form-variables", "/engine-rest/task/" + arret + "/form-variables?deserializeValues=false", basic("gestionnaire"))
                .attendre(200, "form-variables");
        long debutArret = System.nanoTime();
        http.post("submit-form", "/engine-rest/task/" + arret + "/submit-form", variables("decisionsArretees", "true"), basic("gestionnaire"))
                .attendre(204, "Arrêter les décisions");
        double arreter = (System.nanoTime() - debutArret) / 1e9;
        Duree seance = Duree.depuis(debut, cpu);
        long debutPublication = System.nanoTime();
        long cpuPublication = Duree.cpu();
        Map<String, Object> publication = attendrePubliee(http, vague);
        Duree publier = Duree.depuis(debutPublication, cpuPublication);
        verifierPublication(publication, taille);
        rapport.ligne("| %d | %.1f s, %.1f décisions/s | %.0f / %.0f ms | %.0f ms | %.2f s | %.0f décisions/s | %.1f s / %.1f s |", taille, decider,
                taille / decider, chronos.percentile("submit-form : Décider du dossier", 50), chronos.percentile("submit-form : Décider du dossier", 95),
                arreter * 1000, publier.secondes(), taille / publier.secondes(), seance.cpuJvmMs() / 1000, publier.cpuJvmMs() / 1000);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("decider_s", decider);
        r.put("arreter_ms", arreter * 1000);
        r.put("seance", seance.resume(taille));
        r.put("publication", publier.resume(taille));
        r.put("decider_submit_form_p50_ms", chronos.percentile("submit-form : Décider du dossier", 50));
        r.put("decider_submit_form_p95_ms", chronos.percentile("submit-form : Décider du dossier", 95));
        return r;
    }

    /** Lauréat for the first ones (within the quota left), ajourné one in ten, refusé otherwise. */
    private static Map<String, Object> decision(int i, int laureats) {
        if (i < laureats) {
            return variables("decisionComite", "LAUREAT", "montantComite1", 50000, "montantComite2", 50000, "montantComite3", 40000,
                    "motivationComite", "Banc de mesure : retenu");
        }
        if (i % 10 == 9) {
            return variables("decisionComite", "AJOURNE", "motivationComite", "Banc de mesure : ajourné");
        }
        return variables("decisionComite", "REFUSE", "motivationComite", "Banc de mesure : refus motivé");
    }

    // --- Publication of M decisions against M bare correlations -------------------------------------------

    void publication(int combien) throws Exception {
        Chronos chronos = new Chronos();
        ClientBanc http = new ClientBanc(port, chronos);
        String vague = ouvrirVague(http);
        List<String> numeros = preparer(vague, combien);
        cloreEtPreparer(http, vague, combien);
        int laureats = Math.min(combien / 50, placesRestantes());
        List<Map<String, Object>> lignes = new ArrayList<>();
        int ajournes = 0;
        for (int i = 0; i < numeros.size(); i++) {
            Map<String, Object> l = new HashMap<>();
            l.put("numero", numeros.get(i));
            if (i < laureats) {
                l.putAll(Map.of("decision", "LAUREAT", "montant1", 50000, "montant2", 50000, "montant3", 40000));
            } else if (i % 10 == 9) {
                l.putAll(Map.of("decision", "AJOURNE", "motivation", "Banc de mesure : ajourné"));
                ajournes++;
            } else {
                l.putAll(Map.of("decision", "REFUSE", "motivation", "Banc de mesure : refus motivé"));
            }
            lignes.add(l);
        }
        long debutBloc = System.nanoTime();
        // All at once, as a member sends the committee's spreadsheet (the benchmark's JVM has a 1 GB heap).
        http.envoyer("décisions en bloc", "PUT", "/api/agents/vagues/" + vague + "/decisions", lignes, basic("comite")).attendre(200,
                "décisions en bloc");
        double bloc = (System.nanoTime() - debutBloc) / 1e9;
        attendreJobs();
        String arret = tacheSeule(http, vague, "UserTask_ArreterDecisions");
        http.post("claim", "/engine-rest/task/" + arret + "/claim", Map.of("userId", "gestionnaire"), basic("gestionnaire")).attendre(204, "claim");
        http.get("form-variables", "/engine-rest/task/" + arret + "/form-variables?deserializeValues=false", basic("gestionnaire"))
                .attendre(200, "form-variables");

        // Measured: from « Arrêter les décisions » sent until the wave reads PUBLIEE (the job runs in between).
        jdk.jfr.Recording jfr = profiler();
        CompteurSql.releverEtRemettreAZero();
        CompteurSql.plusFrequents(0);
        long debut = System.nanoTime();
        long cpu = Duree.cpu();
        long cpuJobs = cpuDesFils("camundaTaskExecutor");
        http.post("submit-form", "/engine-rest/task/" + arret + "/submit-form", variables("decisionsArretees", "true"), basic("gestionnaire"))
                .attendre(204, "Arrêter les décisions");
        Map<String, Object> publication = attendrePubliee(http, vague);
        Duree nous = Duree.depuis(debut, cpu);
        double cpuFilNous = (cpuDesFils("camundaTaskExecutor") - cpuJobs) / 1e6;
        Map<String, long[]> sqlNous = CompteurSql.releverEtRemettreAZero();
        if (Boolean.getBoolean("banc.sql")) {
            System.out.println("Publication : les ordres SQL les plus envoyés (allers-retours)\n" + CompteurSql.plusFrequents(40));
        }
        if (jfr != null) {
            jfr.stop();
            jfr.dump(java.nio.file.Path.of(System.getProperty("banc.jfr")));
            jfr.close();
        }
        verifierPublication(publication, combien);
        attendreJobs();

        CompteurSql.releverEtRemettreAZero();
        CompteurSql.plusFrequents(0);
        long cpuMain = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        Duree nu = correlationsNues(combien, false);
        // The start of the M instances is in there too: taken out below (cpuDemarrages).
        double cpuFilNu = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuMain) / 1e6 - cpuDemarrages;
        Map<String, long[]> sqlNu = CompteurSql.releverEtRemettreAZero();
        if (Boolean.getBoolean("banc.sql")) {
            System.out.println("Corrélations nues : les ordres SQL les plus envoyés (allers-retours)\n" + CompteurSql.plusFrequents(40));
        }
        attendreJobs();
        Duree nuUneTransaction = correlationsNues(combien, true);
        attendreJobs();

        rapport.ligne("## Publication de %d décisions contre %d corrélations de message nues", combien, combien);
        rapport.ligne("");
        rapport.ligne("Décisions : %d lauréats, %d ajournés, %d refusés, proposées en bloc (un seul `PUT …/decisions`, %.1f s, non mesuré ici). "
                + "Nous : de l'envoi d'« Arrêter les décisions » (`submit-form`) à la vague lue `PUBLIEE` (le job de publication, une "
                + "transaction). Nu : un processus généré (tâche de réception du message, continuation asynchrone après elle, comme "
                + "`decision-comite.bpmn`) ; %d instances ; corrélations par l'API Java (`RuntimeService#createMessageCorrelation`, clé "
                + "métier et une variable, comme la publication les fait depuis son job : ni HTTP ni autorisations), un fil, "
                + "une transaction par corrélation (référence), puis les %d dans une seule transaction (pour information).", laureats, ajournes,
                combien - laureats - ajournes, bloc, combien, combien);
        rapport.ligne("");
        rapport.ligne("| mesure | nous : publication | nu : %d corrélations | nous / nu | nu : une seule transaction |", combien);
        rapport.ligne("|---|---|---|---|---|");
        rapport.ligne("| durée | %.2f s | %.2f s | **%.2f** | %.2f s |", nous.secondes(), nu.secondes(), nous.secondes() / nu.secondes(),
                nuUneTransaction.secondes());
        rapport.ligne("| débit | %.0f décisions/s | %.0f corrélations/s | %.2f | %.0f corrélations/s |", combien / nous.secondes(),
                combien / nu.secondes(), nu.secondes() / nous.secondes(), combien / nuUneTransaction.secondes());
        rapport.ligne("| CPU de la JVM | %.1f s (%.1f ms par décision) | %.1f s (%.1f ms par corrélation) | %.2f | %.1f s |", nous.cpuJvmMs() / 1000,
                nous.cpuJvmMs() / combien, nu.cpuJvmMs() / 1000, nu.cpuJvmMs() / combien, nous.cpuJvmMs() / nu.cpuJvmMs(),
                nuUneTransaction.cpuJvmMs() / 1000);
        rapport.ligne("| CPU du fil qui publie (exécuteur de jobs) / qui corrèle | %.1f s | %.1f s | %.2f | |", cpuFilNous / 1000, cpuFilNu / 1000,
                cpuFilNous / cpuFilNu);
        rapport.ligne("");
        if (!sqlNous.isEmpty()) {
            rapport.ligne("Requêtes SQL (allers-retours / ordres, par fil ; `-Dbanc.sql=true`) : nous %s ; nu %s.", sql(sqlNous), sql(sqlNu));
            rapport.ligne("");
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("nous", nous.resume(combien));
        r.put("nu", nu.resume(combien));
        r.put("nu_une_transaction", nuUneTransaction.resume(combien));
        r.put("rapport_nous_nu", nous.secondes() / nu.secondes());
        r.put("cpu_fil_nous_ms", cpuFilNous);
        r.put("cpu_fil_nu_ms", cpuFilNu);
        r.put("decisions_en_bloc_s", bloc);
        resultats.put("publication", r);
    }

    private static String sql(Map<String, long[]> parFil) {
        StringBuilder sb = new StringBuilder();
        parFil.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(3)
                .forEach(e -> sb.append(sb.isEmpty() ? "" : ", ").append(e.getKey()).append(" ").append(e.getValue()[0]).append(" / ")
                        .append(e.getValue()[1]));
        return sb.toString();
    }

    /** A JFR recording (settings « profile ») of the publication alone, when -Dbanc.jfr=file is given. */
    private static jdk.jfr.Recording profiler() throws Exception {
        if (System.getProperty("banc.jfr") == null) {
            return null;
        }
        jdk.jfr.Recording r = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        r.start();
        return r;
    }

    /** M instances of the generated process waiting for the message (not measured), then M correlations (measured). */
    private Duree correlationsNues(int combien, boolean uneTransaction) {
        deployerProcessusMessage();
        String prefixe = "NU-M" + (uneTransaction ? "1" : "N") + "-" + Long.toString(System.nanoTime() % 1_000_000, 36) + "-";
        ManagementService management = contexte.getBean(ManagementService.class);
        // The jobs after the receive task are created suspended: the bare side does the engine work the publication does,
        // and the job executor does not run them in the middle of the measure (it runs the publication's only after it).
        management.suspendJobDefinitionByProcessDefinitionKey(PROCESSUS_MESSAGE);
        long cpuAvant = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        for (int i = 0; i < combien; i++) {
            runtime.startProcessInstanceByKey(PROCESSUS_MESSAGE, prefixe + i);
        }
        cpuDemarrages = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuAvant) / 1e6;
        CompteurSql.releverEtRemettreAZero();
        CompteurSql.plusFrequents(0);
        long debut = System.nanoTime();
        long cpu = Duree.cpu();
        Runnable toutes = () -> {
            for (int i = 0; i < combien; i++) {
                runtime.createMessageCorrelation(MESSAGE).processInstanceBusinessKey(prefixe + i).setVariable("decision", "REFUSE")
                        .correlateWithResult();
            }
        };
        if (uneTransaction) {
            contexte.getBean(TransactionTemplate.class).executeWithoutResult(s -> toutes.run());
        } else {
            toutes.run();
        }
        Duree d = Duree.depuis(debut, cpu);
        management.activateJobDefinitionByProcessDefinitionKey(PROCESSUS_MESSAGE, true);
        return d;
    }

    private boolean deploye;
    /** CPU (ms) of this thread starting the bare instances, in the last {@link #correlationsNues}: not part of the measure. */
    private double cpuDemarrages;

    /** CPU time (ns) of the live threads whose name starts so. */
    private static long cpuDesFils(String prefixe) {
        java.lang.management.ThreadMXBean fils = java.lang.management.ManagementFactory.getThreadMXBean();
        long total = 0;
        for (java.lang.management.ThreadInfo i : fils.getThreadInfo(fils.getAllThreadIds())) {
            if (i != null && i.getThreadName().startsWith(prefixe)) {
                total += Math.max(0, fils.getThreadCpuTime(i.getThreadId()));
            }
        }
        return total;
    }

    private void deployerProcessusMessage() {
        if (deploye) {
            return;
        }
        BpmnModelInstance modele = Bpmn.createExecutableProcess(PROCESSUS_MESSAGE).name("Banc : attente d'un message")
                .camundaHistoryTimeToLive(180).startEvent("Debut").receiveTask("Attendre").name("Attendre le message").message(MESSAGE)
                .camundaAsyncAfter().endEvent("Fin").done();
        contexte.getBean(RepositoryService.class).createDeployment().name("banc-processus-message")
                .addModelInstance("banc-processus-message.bpmn", modele).deploy();
        deploye = true;
    }

    // --- Preparation (not measured) -----------------------------------------------------------------------

    /**
     * N instructed dossiers in the wave: clones of one the lifecycle instructed (distinct numbers, companies and scores), each with
     * its lifecycle process started where an instructed dossier waits for its committee (as {@code integration/GrandeVague}).
     */
    private List<String> preparer(String vague, int taille) {
        long modele = jdbc.sql("select d.id from dossier d join instruction i on i.dossier_id = d.id where i.validation is not null "
                + "and d.categorie = 'HORS_GRANDS_CENTRES' order by d.id limit 1").query(Long.class).optional()
                .orElseThrow(() -> new IllegalStateException("aucun dossier instruit à cloner : le cycle de vie doit tourner avant le comité"));
        String prefixe = "FDT-B" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase() + "-";
        List<String> numeros = GrandeVague.cloner(jdbc, runtime, modele, prefixe, taille, vague);
        if (numeros.size() != taille) {
            throw new IllegalStateException(taille + " dossiers attendus dans la vague " + vague + ", " + numeros.size() + " préparés");
        }
        attendreJobs();
        return numeros;
    }

    /** Closes the wave, prepares the session, waits for the N decision tasks; returns them (as the committee lists them). */
    private JsonNode cloreEtPreparer(ClientBanc http, String vague, int taille) {
        http.post(null, "/api/agents/vagues/" + vague + "/cloture", Map.of(), basic("gestionnaire")).attendre(200, "clôture");
        String preparation = tacheSeule(http, vague, "UserTask_PreparerSeance");
        http.post(null, "/engine-rest/task/" + preparation + "/claim", Map.of("userId", "gestionnaire"), basic("gestionnaire")).attendre(204, "claim");
        http.post(null, "/engine-rest/task/" + preparation + "/submit-form", variables("seancePreparee", true), basic("gestionnaire"))
                .attendre(204, "Préparer la séance");
        String requete = "/engine-rest/task?candidateGroup=comite-selection&processInstanceBusinessKey=" + vague
                + "&taskDefinitionKey=UserTask_DeciderDossier&sortBy=id&sortOrder=asc&maxResults=" + (taille + 1);
        JsonNode taches = BancPerformance.sonder(() -> {
            JsonNode r = http.get(null, requete, basic("comite")).attendre(200, "tâches du comité").json();
            return r.size() == taille ? r : null;
        }, "les " + taille + " tâches « Décider du dossier » de " + vague);
        attendreJobs();
        return taches;
    }

    private String tacheSeule(ClientBanc http, String vague, String cle) {
        return BancPerformance.sonder(() -> {
            JsonNode r = http.get(null, "/engine-rest/task?candidateGroup=gestionnaires&processInstanceBusinessKey=" + vague + "&taskDefinitionKey="
                    + cle, basic("gestionnaire")).attendre(200, cle).json();
            return r.isEmpty() ? null : r.get(0).get("id").asText();
        }, cle + " de " + vague);
    }

    /**
     * Polls the wave's publication row (what GET /api/agents/vagues shows) every 20 ms, straight in the database: the agents' list
     * of waves, asked 50 times a second, would cost the server more than the publication it waits for.
     */
    private Map<String, Object> attendrePubliee(ClientBanc http, String vague) {
        return BancPerformance.sonder(() -> {
            Map<String, Object> p = jdbc.sql("select etat, laureats, refuses, ajournes from publication_vague where vague = ?").param(vague).query()
                    .listOfRows().stream().findFirst().orElse(null);
            if (p != null && !"PUBLIEE".equals(p.get("etat"))) {
                throw new IllegalStateException("publication de " + vague + " : " + p);
            }
            return p;
        }, "la publication de la vague " + vague);
    }

    private static void verifierPublication(Map<String, Object> publication, int taille) {
        int total = ((Number) publication.get("laureats")).intValue() + ((Number) publication.get("refuses")).intValue()
                + ((Number) publication.get("ajournes")).intValue();
        if (total != taille) {
            throw new IllegalStateException(taille + " décisions attendues, publication : " + publication);
        }
    }

    /** Places left in the lifecycle's category (the clones are of it), so that the publication is never refused for its quota. */
    private int placesRestantes() {
        return jdbc.sql("select quota_hors_grands_centres - laureats_hors_grands_centres from programme").query(Integer.class).single();
    }

    private String ouvrirVague(ClientBanc http) {
        String repere = Long.toString(System.nanoTime() & 0x7FFFFFFL, 36).toUpperCase();
        String code = "FDT-2037-" + ("000000" + repere).substring(repere.length());
        http.post(null, "/api/agents/vagues", Map.of("code", code, "appel", "FABRIQUES_TERRITOIRE", "dateLimite", "2037-06-30T23:59:59+02:00"),
                basic("gestionnaire")).attendre(201, "création de la vague " + code);
        return code;
    }

    private void attendreJobs() {
        ManagementService management = contexte.getBean(ManagementService.class);
        BancPerformance.sonder(() -> management.createJobQuery().executable().count() == 0 ? Boolean.TRUE : null, "la fin des jobs en cours");
    }
}
