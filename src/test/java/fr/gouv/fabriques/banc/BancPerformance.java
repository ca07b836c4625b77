package fr.gouv.fabriques.banc;

import fr.gouv.fabriques.integration.Depots;
import static fr.gouv.fabriques.banc.ClientBanc.basic;
import static fr.gouv.fabriques.banc.ClientBanc.variables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.gouv.fabriques.FabriquesApplication;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Performance benchmark (issue 13), not a test: starts the application on its own embedded PostgreSQL
 * (port and directory of its own under target/banc) and measures, in one run, side by side on the same
 * engine:
 * <ol>
 * <li>our lifecycle: N dossiers deposited through the applicants' API, then every task worked through
 * /engine-rest with the demo accounts (group task query, claim, form variables, submit-form) until the
 * committee's decisions are published;</li>
 * <li>the bare process: a BPMN generated in memory with as many sequential user tasks per instance,
 * N instances driven through /engine-rest (group task query, claim, complete);</li>
 * <li>D deposits against D starts of the bare process;</li>
 * <li>Tasklist's group filter beside the bare group query as the engine grows (1,000, 10,000, 100,000 open tasks, 300,000 finished instances) and the history cleanup: {@link PhaseFiltre};</li>
 * <li>the drain of the mail outbox the run filled (automatic sending is off during the phases).</li>
 * </ol>
 * T client threads each time. Prints the figures and the ratios ours/bare, and writes them to
 * target/banc/resultats.md (and .json). Run: {@code ./mvnw -Pbanc -DskipTests test -Dbanc.n=100 -Dbanc.t=4 -Dbanc.d=2000}
 * (README « Mesures »).
 */
public final class BancPerformance {

    /** The generated process: user tasks of the instructors' group, nothing else. */
    static final String PROCESSUS_NU = "Process_BancNu";

    private final int n;
    private final int t;
    private final int d;
    /** How many of the N dossiers the committee selects (the others are refused); within the category's quota. */
    private final int laureats;
    /** Dossiers of the unmeasured warm-up lifecycle (and as many bare instances, five times as many deposits and starts). */
    private final int echauffement;
    private final ConfigurableApplicationContext contexte;
    private final int port;
    private final Map<String, Object> resultats = new LinkedHashMap<>();
    private final StringBuilder rapport = new StringBuilder();

    private BancPerformance(int n, int t, int d, ConfigurableApplicationContext contexte) {
        this.n = n;
        this.t = t;
        this.d = d;
        this.laureats = Integer.getInteger("banc.laureats", Math.min(n, 100));
        this.echauffement = Integer.getInteger("banc.echauffement", Math.max(10, n / 2));
        base = contexte.getBean(javax.sql.DataSource.class);
        this.contexte = contexte;
        this.port = Integer.parseInt(contexte.getEnvironment().getProperty("local.server.port"));
    }

    /** The diagnostic options Maven hands over under another name (pom.xml, profile banc), empty when not given. */
    static final List<String> OPTIONS_DE_MAVEN = List.of("banc.sql", "banc.sql.route", "banc.sql.appelants", "banc.courriels-comparaison",
            "banc.filtre.pause-s", "banc.jfr");

    /**
     * {@code -Dbanc.sql.route="GET …"} given to Maven reaches this JVM as {@code banc.mvn.sql.route}: the profile passes every
     * option, empty when not given. A value given here directly (JAVA_TOOL_OPTIONS) is kept when Maven's is empty.
     */
    static void reprendreLesOptionsDeMaven() {
        for (String nom : OPTIONS_DE_MAVEN) {
            String deMaven = System.getProperty(nom.replaceFirst("^banc\\.", "banc.mvn."));
            if (deMaven != null && !deMaven.isBlank()) {
                System.setProperty(nom, deMaven);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.FRANCE);
        reprendreLesOptionsDeMaven();
        int n = Integer.getInteger("banc.n", 20);
        int t = Integer.getInteger("banc.t", 2);
        int d = Integer.getInteger("banc.d", 200);
        String repertoire = System.getProperty("banc.repertoire", "target/banc");
        long debut = System.nanoTime();
        Map<String, Object> proprietes = new LinkedHashMap<>();
        proprietes.put("server.port", System.getProperty("banc.port", "0"));
        proprietes.put("fabriques.postgres-embarque.port", System.getProperty("banc.pg-port", "54391"));
        proprietes.put("fabriques.postgres-embarque.repertoire", repertoire + "/postgres");
        proprietes.put("fabriques.postgres-embarque.nettoyer", "true");
        proprietes.put("fabriques.notifications.serveur-local.repertoire", repertoire + "/courriels");
        // One client address makes every request: the per-address limits are for floods, not for this.
        proprietes.put("fabriques.limites.depots.capacite", "100000000");
        proprietes.put("fabriques.limites.envois.capacite", "100000000");
        proprietes.put("fabriques.programme.fin", "2040-12-31");
        // The warm-up's laureates and the measured ones count against the programme's quotas and envelope: the bench's programme is
        // large enough for a warm-up of any length (the programme's rules are tested elsewhere, not measured here).
        proprietes.put("fabriques.programme.total-fabriques", "2000000");
        proprietes.put("fabriques.programme.quota-hors-grands-centres", "1000000");
        proprietes.put("fabriques.programme.enveloppe", "1000000000000");
        // The mails wait in the outbox during the phases and are drained, and measured, at the end (vidangeCourriels).
        proprietes.put("fabriques.notifications.envoi-automatique", "false");
        proprietes.put("logging.level.root", "WARN");
        proprietes.put("logging.level.fr.gouv.fabriques.banc", "INFO");
        // -Dbanc.sql=true: the server's time per statement too (pg_stat_statements), printed per phase.
        proprietes.put("fabriques.postgres-embarque.statistiques-sql", String.valueOf(Boolean.getBoolean("banc.sql")));
        // As command-line arguments: they win over application.yaml (SpringApplicationBuilder#properties would only be defaults).
        List<String> arguments = new ArrayList<>(List.of(args));
        proprietes.forEach((cle, valeur) -> arguments.add("--" + cle + "=" + valeur));
        SpringApplicationBuilder application = new SpringApplicationBuilder(FabriquesApplication.class);
        if (Boolean.getBoolean("banc.sql")) {
            application.initializers(CompteurSql::installer);
        }
        ConfigurableApplicationContext contexte = application.run(arguments.toArray(String[]::new));
        double demarrage = (System.nanoTime() - debut) / 1e9;
        int code = 0;
        try {
            BancPerformance banc = new BancPerformance(n, t, d, contexte);
            banc.resultats.put("demarrage_s", demarrage);
            banc.resultats.put("echauffement_dossiers", banc.echauffement);
            banc.lancer(Path.of(repertoire), demarrage);
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            code = 1;
        } finally {
            contexte.close();
        }
        System.exit(code);
    }

    private void lancer(Path repertoire, double demarrage) throws Exception {
        ligne("# Banc de performance (issue 13)");
        ligne("");
        ligne("%s ; N = %d dossiers, T = %d fils clients, D = %d dépôts ; %d cœurs, charge moyenne au départ %.1f.", Instant.now(), n, t, d,
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        ligne("Démarrage de l'application jusqu'à prête (PostgreSQL embarqué compris) : %.1f s.", demarrage);
        ligne("Lauréats : %d des %d dossiers (convention signée des deux côtés, premier versement ordonnancé et validé) ; les autres sont refusés.",
                laureats, n);
        // First, on an engine holding nothing else: its 1,000 open tasks are 1,000. It leaves its finished history behind.
        resultats.put("filtre_tasklist", new PhaseFiltre(contexte, port, this::ligne).mesurer());
        // Warm-up, not measured: the same work once, so that the JIT compiler has compiled both sides' code before the measures
        // (right after start-up it took 35 to 45 % of the JVM's CPU in the measured phases; a server that runs for days does not pay it).
        int tachesDeployees = -1;
        if (echauffement > 0) {
            Mesure e = cycleDeVie(echauffement);
            tachesDeployees = deployerProcessusNu(tachesParInstance(e, echauffement));
            processusNu(tachesDeployees, echauffement, "NU-E-");
            depots(5 * echauffement);
            demarragesNus(5 * echauffement, "NU-D-E-");
            ligne("Échauffement, non mesuré : le cycle de vie de %d dossiers et %d instances du processus nu, %d dépôts et %d démarrages"
                    + " (le cycle de vie : %.1f s, dont %.1f s de compilation JIT).", echauffement, echauffement, 5 * echauffement,
                    5 * echauffement, e.secondes, e.jitMs / 1000);
            ligne("");
        }
        // The bare process runs half before our lifecycle and half after it: the JIT compiler keeps improving the code during
        // the whole run, and the side measured second gained from it (deposits: 0.59 measured first, 0.70 second, same code).
        int avant = tachesDeployees > 0 ? n / 2 : 0;
        Mesure nuAvant = avant > 0 ? processusNu(tachesDeployees, avant, "NU-A-") : null;
        long courrielsAvant = courrielsDeposes();
        Mesure nous = cycleDeVie(n);
        long courrielsCycle = courrielsDeposes() - courrielsAvant;
        int taches = tachesParInstance(nous, n);
        Mesure nu;
        if (nuAvant != null && taches == tachesDeployees) {
            nu = nuAvant.plus(processusNu(taches, n - avant, "NU-B-"));
            ligne("Processus nu : %d tâches utilisateur séquentielles (autant que d'états d'attente par dossier dans notre cycle de vie) ;"
                    + " %d instances avant notre cycle de vie, %d après.", taches, avant, n - avant);
        } else {
            // No warm-up, or our lifecycle had another number of wait states than the warm-up's (the bare process measured
            // before it had the wrong size): all of it after, then.
            if (taches != tachesDeployees) {
                deployerProcessusNu(taches);
            }
            nu = processusNu(taches, n, "NU-");
            ligne("Processus nu : %d tâches utilisateur séquentielles (autant que d'états d'attente par dossier dans notre cycle de vie) ;"
                    + " toutes les instances après notre cycle de vie.", taches);
        }
        ligne("");
        ligne("## Cycle de vie : %d dossiers (nous) contre %d instances du processus nu, %d fils", n, n, t);
        ligne("");
        ligne("| mesure | nous | nu | nous / nu |");
        ligne("|---|---|---|---|");
        ligne("| durée totale | %.1f s | %.1f s | %.2f |", nous.secondes, nu.secondes, nous.secondes / nu.secondes);
        ligne("| états d'attente (tâches utilisateur terminées) | %d | %d | |", nous.etats, nu.etats);
        ligne("| débit en dossiers (instances) | %.2f /s | %.2f /s | %.2f |", n / nous.secondes, n / nu.secondes,
                (n / nous.secondes) / (n / nu.secondes));
        ligne("| débit en états d'attente | %.1f /s | %.1f /s | %.2f |", nous.etats / nous.secondes, nu.etats / nu.secondes,
                (nous.etats / nous.secondes) / (nu.etats / nu.secondes));
        ligne("| CPU de la JVM (serveur et clients) par état d'attente | %.0f ms | %.0f ms | %.2f |", nous.cpuJvmParEtat(), nu.cpuJvmParEtat(),
                nous.cpuJvmParEtat() / nu.cpuJvmParEtat());
        ligne("| CPU de la machine entière (PostgreSQL et autres processus compris) par état d'attente | %.0f ms | %.0f ms | %.2f |",
                nous.cpuMachineParEtat(), nu.cpuMachineParEtat(), nous.cpuMachineParEtat() / nu.cpuMachineParEtat());
        ligne("| compilation JIT pendant la phase (part de la durée) | %.1f s (%.0f %%) | %.1f s (%.0f %%) | |", nous.jitMs / 1000,
                100 * nous.jitMs / 1000 / nous.secondes, nu.jitMs / 1000, 100 * nu.jitMs / 1000 / nu.secondes);
        if (Boolean.getBoolean("banc.sql")) {
            ligne("| allers-retours SQL par état d'attente (ordres) | %.1f (%.1f) | %.1f (%.1f) | %.2f |", nous.allersRetoursSql / (double) nous.etats,
                    nous.ordresSql / (double) nous.etats, nu.allersRetoursSql / (double) nu.etats, nu.ordresSql / (double) nu.etats,
                    (nous.allersRetoursSql / (double) nous.etats) / (nu.allersRetoursSql / (double) nu.etats));
            System.out.println("Cycle de vie (nous) : les ordres SQL les plus envoyés\n" + nous.ordresLesPlusEnvoyes);
            System.out.println("Processus nu : les ordres SQL les plus envoyés\n" + nu.ordresLesPlusEnvoyes);
        }
        ligne("| terminer une tâche (submit-form / complete), p50 | %.0f ms | %.0f ms | %.2f |", nous.chronos.percentile("submit-form", 50),
                nu.chronos.percentile("complete", 50), nous.chronos.percentile("submit-form", 50) / nu.chronos.percentile("complete", 50));
        ligne("| terminer une tâche (submit-form / complete), p95 | %.0f ms | %.0f ms | %.2f |", nous.chronos.percentile("submit-form", 95),
                nu.chronos.percentile("complete", 95), nous.chronos.percentile("submit-form", 95) / nu.chronos.percentile("complete", 95));
        ligne("");
        tableauOperations("Nous : chaque opération", nous.chronos);
        tableauOperations("Processus nu : chaque opération", nu.chronos);
        resultats.put("cycle_nous", nous.resume());
        resultats.put("cycle_nu", nu.resume());
        // Mails the lifecycle writes per wait state, at its measured rate and at the aim (0.6 × the bare process): the drain must keep up.
        productionCourriels = new double[] {courrielsCycle, nous.etats, nous.etats / nous.secondes, 0.6 * nu.etats / nu.secondes};

        int tranches = Math.max(1, Math.min(d, Integer.getInteger("banc.tranches", 4)));
        Mesure[] alternes = depotsEtDemarrages(d, tranches);
        Mesure depots = alternes[0];
        Mesure demarrages = alternes[1];
        ligne("## Dépôts contre démarrages d'instance : %d chacun, %d fils", d, t);
        ligne("");
        ligne("En %d tranches alternées (nous, nu, nu, nous, nous, nu…), pour que ni l'un ni l'autre ne profite seul de la compilation"
                + " JIT faite entre-temps.", tranches);
        ligne("");
        ligne("| mesure | dépôts (nous) | démarrages (nu) | nous / nu |");
        ligne("|---|---|---|---|");
        ligne("| débit | %.1f /s | %.1f /s | %.2f |", d / depots.secondes, d / demarrages.secondes,
                (d / depots.secondes) / (d / demarrages.secondes));
        ligne("| p50 | %.0f ms | %.0f ms | %.2f |", depots.chronos.percentile("dépôt", 50), demarrages.chronos.percentile("démarrage (nu)", 50),
                depots.chronos.percentile("dépôt", 50) / demarrages.chronos.percentile("démarrage (nu)", 50));
        ligne("| p95 | %.0f ms | %.0f ms | %.2f |", depots.chronos.percentile("dépôt", 95), demarrages.chronos.percentile("démarrage (nu)", 95),
                depots.chronos.percentile("dépôt", 95) / demarrages.chronos.percentile("démarrage (nu)", 95));
        ligne("| CPU de la JVM par requête | %.0f ms | %.0f ms | %.2f |", depots.cpuJvmMs / d, demarrages.cpuJvmMs / d,
                depots.cpuJvmMs / demarrages.cpuJvmMs);
        if (Boolean.getBoolean("banc.sql")) {
            ligne("| allers-retours SQL par requête (ordres) | %.1f (%.1f) | %.1f (%.1f) | %.2f |", depots.allersRetoursSql / (double) d,
                    depots.ordresSql / (double) d, demarrages.allersRetoursSql / (double) d, demarrages.ordresSql / (double) d,
                    depots.allersRetoursSql / (double) demarrages.allersRetoursSql);
            System.out.println("Dépôts : les ordres SQL les plus envoyés\n" + depots.ordresLesPlusEnvoyes);
            System.out.println("Démarrages nus : les ordres SQL les plus envoyés\n" + demarrages.ordresLesPlusEnvoyes);
        }
        ligne("");
        resultats.put("depots_tranches_alternees", tranches);
        resultats.put("depots", depots.resume());
        resultats.put("demarrages_nus", demarrages.resume());

        // Issue 13, points 1 and 4: the committee at 100 and 500 dossiers, the publication of 1,000 decisions against bare correlations.
        PhaseComite comite = new PhaseComite(contexte, port, t, this::ligne, resultats);
        List<Integer> comites = java.util.Arrays.stream(System.getProperty("banc.comites", "100,500").split(",")).map(String::trim)
                .filter(c -> !c.isEmpty() && !c.equals("0")).map(Integer::valueOf).toList();
        if (!comites.isEmpty()) {
            comite.comites(comites);
        }
        if (Integer.getInteger("banc.publication", 1000) > 0) {
            comite.publication(Integer.getInteger("banc.publication", 1000));
        }

        vidangeCourriels();
        // The same mails again, one SMTP connection per mail (as before) then per batch (-Dbanc.courriels-comparaison=0: not run).
        PhaseCourriels.comparer(contexte, Integer.getInteger("banc.courriels-comparaison", 1000), this::ligne, resultats);

        Files.createDirectories(repertoire);
        Files.writeString(repertoire.resolve("resultats.md"), rapport, StandardCharsets.UTF_8);
        ClientBanc.JSON.writerWithDefaultPrettyPrinter().writeValue(repertoire.resolve("resultats.json").toFile(), resultats);
        System.out.println("Écrit : " + repertoire.resolve("resultats.md") + " et resultats.json");
    }

    // --- Our lifecycle ------------------------------------------------------------------------------------

    private Mesure cycleDeVie(int dossiers) throws Exception {
        attendreJobs();
        Chronos chronos = new Chronos();
        ClientBanc http = new ClientBanc(port, chronos);
        String vague = ouvrirVague(http);
        AtomicInteger etats = new AtomicInteger();
        Mesure m = Mesure.debut(chronos);
        ExecutorService fils = Executors.newFixedThreadPool(t);
        try {
            List<Callable<String>> instructions = new ArrayList<>();
            for (int i = 0; i < dossiers; i++) {
                instructions.add(() -> instruire(http, vague, etats));
            }
            List<String> numeros = attendre(fils.invokeAll(instructions));
            http.post("clôture de la vague", "/api/agents/vagues/" + vague + "/cloture", Map.of(), basic("gestionnaire")).attendre(200,
                    "clôture");
            etape(http, vague, "gestionnaires", "gestionnaire", "UserTask_PreparerSeance", variables("seancePreparee", true));
            etats.incrementAndGet();
            // The decision tasks are created by a job: the committee sees them once it has run.
            String requete = "/engine-rest/task?candidateGroup=comite-selection&processInstanceBusinessKey=" + vague
                    + "&taskDefinitionKey=UserTask_DeciderDossier&sortBy=id&sortOrder=asc&maxResults=" + (dossiers + 1);
            long debutAttente = System.nanoTime();
            JsonNode decisions = sonder(() -> {
                JsonNode r = http.get("requête de tâches (groupe)", requete, basic("comite")).attendre(200, "tâches du comité").json();
                return r.size() == dossiers ? r : null;
            }, "les " + dossiers + " tâches « Décider du dossier »");
            chronos.noter("attente de la tâche suivante (jobs compris)", System.nanoTime() - debutAttente);
            List<Callable<Void>> membres = new ArrayList<>();
            for (int f = 0; f < t; f++) {
                int rang = f;
                membres.add(() -> {
                    // Each member loads the list as Tasklist does, then works its share of the list seen when all tasks were there
                    // (the list it loads shrinks as the other members decide).
                    http.get("requête de tâches (groupe)", requete, basic("comite")).attendre(200, "tâches du comité");
                    for (int i = rang; i < decisions.size(); i += t) {
                        travailler(http, decisions.get(i).get("id").asText(), "comite", "UserTask_DeciderDossier", i < laureats
                                ? variables("decisionComite", "LAUREAT", "montantComite1", 50000, "montantComite2", 50000, "montantComite3", 40000,
                                        "motivationComite", "Banc de mesure : retenu")
                                : variables("decisionComite", "REFUSE", "motivationComite", "Banc de mesure : refus motivé"));
                        etats.incrementAndGet();
                    }
                    return null;
                });
            }
            attendre(fils.invokeAll(membres));
            etape(http, vague, "gestionnaires", "gestionnaire", "UserTask_ArreterDecisions", variables("decisionsArretees", "true"));
            etats.incrementAndGet();
            long debutPublication = System.nanoTime();
            sonder(() -> {
                for (JsonNode v : http.get("liste des vagues", "/api/agents/vagues", basic("gestionnaire")).attendre(200, "vagues").json()) {
                    if (v.get("code").asText().equals(vague)) {
                        String etat = v.path("publication").path("etat").asText();
                        if (etat.equals("PUBLIEE")) {
                            return v;
                        }
                        if (!etat.isEmpty() && !etat.equals("EN_COURS") && !etat.equals("DEMANDEE")) {
                            throw new IllegalStateException("publication de " + vague + " : " + v);
                        }
                    }
                }
                return null;
            }, "la publication de la vague " + vague);
            chronos.noter("publication (job) jusqu'à PUBLIEE", System.nanoTime() - debutPublication);
            List<Callable<Void>> conventions = new ArrayList<>();
            for (String numero : numeros) {
                conventions.add(() -> {
                    conventionner(http, numero, etats);
                    return null;
                });
            }
            attendre(fils.invokeAll(conventions));
        } finally {
            fils.shutdownNow();
        }
        return m.fin(etats.get());
    }

    /**
     * After publication, a laureate does what its applicant does: follows its dossier until the convention is there,
     * downloads it, signs it and sends it back through the applicants' API; then the State signs it, the first payment is
     * ordered then validated by another agent (four eyes): four more wait states. The others stop at the decision.
     */
    private void conventionner(ClientBanc http, String numero, AtomicInteger etats) {
        String jeton = JETONS.get(numero);
        long debut = System.nanoTime();
        // The convention is drawn up by a job after publication: the applicant's view shows it once it waits for the signature.
        JsonNode vue = sonder(() -> {
            JsonNode v = http.get("vue du porteur", "/api/dossiers/" + numero, ClientBanc.bearer(jeton)).attendre(200, "vue du porteur").json();
            return !v.get("statut").asText().equals("LAUREAT") || v.path("convention").isObject() ? v : null;
        }, "la convention de " + numero);
        http.chronos().noter("attente de la tâche suivante (jobs compris)", System.nanoTime() - debut);
        if (!vue.get("statut").asText().equals("LAUREAT")) {
            return;
        }
        http.telecharger("téléchargement de la convention", vue.get("convention").get("telechargement").asText(), ClientBanc.bearer(jeton))
                .attendre(200, "téléchargement de la convention");
        byte[] pdf = pdfSigne("Lu et approuvé, Camille Martin, présidente, " + numero);
        http.postPdf("signature du porteur (multipart)", "/api/dossiers/" + numero + "/convention/signature", "convention-signee.pdf", pdf,
                Map.of("signataire", "Camille Martin, présidente"), ClientBanc.bearer(jeton)).attendre(200, "signature du porteur");
        etape(http, numero, "gestionnaires", "gestionnaire", "UserTask_SignerConventionEtat", variables("signatureEtat", true));
        etape(http, numero, "service-financier", "financier", "UserTask_OrdonnancerVersement", variables("confirmationOrdonnancement", true));
        etape(http, numero, "service-financier", "financier2", "UserTask_ValiderOrdreVersement", variables("decisionOrdre", "VALIDE"));
        etats.addAndGet(4);
    }

    private static byte[] pdfSigne(String mention) {
        try (org.apache.pdfbox.pdmodel.PDDocument d = new org.apache.pdfbox.pdmodel.PDDocument();
                java.io.ByteArrayOutputStream sortie = new java.io.ByteArrayOutputStream()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            d.addPage(page);
            try (org.apache.pdfbox.pdmodel.PDPageContentStream cs = new org.apache.pdfbox.pdmodel.PDPageContentStream(d, page)) {
                cs.beginText();
                cs.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 700);
                cs.showText(mention);
                cs.endText();
            }
            d.save(sortie);
            return sortie.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One dossier: deposited by its applicant, then instructed by the demo agents; returns its number. */
    private String instruire(ClientBanc http, String vague, AtomicInteger etats) {
        String numero = deposer(http, vague, "dépôt");
        etape(http, numero, "instructeurs", "instructeur", "UserTask_VerifierCompletude", variables("complet", "true"));
        etape(http, numero, "referents-58", "referent-58", "UserTask_DonnerAvisTerritorial",
                variables("avisTerritorial", "FAVORABLE", "commentaireAvis", "Lieu bien identifié"));
        etape(http, numero, "instructeurs", "instructeur", "UserTask_InstruireDossier", variables("noteGouvernance", 4, "notePartenariats", 4,
                "noteBesoinLocal", 4, "noteOffreServices", 4, "noteModeleEconomique", 4, "noteEmploi", 4, "montantPropose1", 50000,
                "montantPropose2", 50000, "montantPropose3", 40000, "motifProposition", "Projet solide, gouvernance partagée",
                "absenceConflitInterets", true));
        etape(http, numero, "gestionnaires", "gestionnaire", "UserTask_ValiderProposition", variables("propositionValidee", "true"));
        etats.addAndGet(4);
        return numero;
    }

    /** The task as its group sees it in Tasklist (it may still be behind a job), then claimed, opened and submitted. */
    private void etape(ClientBanc http, String cle, String groupe, String utilisateur, String tache, Map<String, Object> valeurs) {
        String requete = "/engine-rest/task?candidateGroup=" + groupe + "&processInstanceBusinessKey=" + cle + "&taskDefinitionKey=" + tache;
        long debut = System.nanoTime();
        String id = sonder(() -> {
            JsonNode r = http.get("requête de tâches (groupe)", requete, basic(utilisateur)).attendre(200, tache).json();
            return r.isEmpty() ? null : r.get(0).get("id").asText();
        }, tache + " de " + cle);
        http.chronos().noter("attente de la tâche suivante (jobs compris)", System.nanoTime() - debut);
        travailler(http, id, utilisateur, tache, valeurs);
    }

    static void travailler(ClientBanc http, String id, String utilisateur, String tache, Map<String, Object> valeurs) {
        http.post("claim", "/engine-rest/task/" + id + "/claim", Map.of("userId", utilisateur), basic(utilisateur)).attendre(204, "claim");
        http.get("form-variables", "/engine-rest/task/" + id + "/form-variables?deserializeValues=false", basic(utilisateur)).attendre(200,
                "form-variables");
        long debut = System.nanoTime();
        http.post("submit-form", "/engine-rest/task/" + id + "/submit-form", valeurs, basic(utilisateur)).attendre(204, "submit-form");
        http.chronos().noter("submit-form : " + tache, System.nanoTime() - debut);
    }

    // --- The bare process ---------------------------------------------------------------------------------

    /** Deploys the generated process (through the project's deployment rules, like any deployment); returns its number of user tasks. */
    /** As many user tasks per instance as our dossiers went through on average (the wave's own two tasks left out). */
    private static int tachesParInstance(Mesure cycle, int dossiers) {
        return (int) Math.round((cycle.etats - 2) / (double) dossiers);
    }

    private int deployerProcessusNu(int taches) {
        AbstractFlowNodeBuilder<?, ?> b = Bpmn.createExecutableProcess(PROCESSUS_NU).name("Banc : processus nu").camundaHistoryTimeToLive(180)
                .startEvent("Debut");
        for (int i = 1; i <= taches; i++) {
            b = b.userTask("Tache" + i).name("Tâche " + i).camundaCandidateGroups("instructeurs");
        }
        BpmnModelInstance modele = b.endEvent("Fin").done();
        contexte.getBean(RepositoryService.class).createDeployment().name("banc-processus-nu").addModelInstance("banc-processus-nu.bpmn", modele)
                .deploy();
        return taches;
    }

    private Mesure processusNu(int taches, int combien, String prefixe) throws Exception {
        attendreJobs();
        Chronos chronos = new Chronos();
        ClientBanc http = new ClientBanc(port, chronos);
        AtomicInteger etats = new AtomicInteger();
        Mesure m = Mesure.debut(chronos);
        ExecutorService fils = Executors.newFixedThreadPool(t);
        try {
            List<Callable<Void>> instances = new ArrayList<>();
            for (int i = 0; i < combien; i++) {
                int rang = i;
                instances.add(() -> {
                    String instance = demarrerNu(http, prefixe + rang);
                    for (int k = 0; k < taches; k++) {
                        JsonNode r = http.get("requête de tâches (groupe)", "/engine-rest/task?candidateGroup=instructeurs&processInstanceId=" + instance,
                                basic("instructeur")).attendre(200, "tâches").json();
                        String id = r.get(0).get("id").asText();
                        http.post("claim", "/engine-rest/task/" + id + "/claim", Map.of("userId", "instructeur"), basic("instructeur")).attendre(204,
                                "claim");
                        http.post("complete", "/engine-rest/task/" + id + "/complete", Map.of(), basic("instructeur")).attendre(204, "complete");
                        etats.incrementAndGet();
                    }
                    return null;
                });
            }
            attendre(fils.invokeAll(instances));
        } finally {
            fils.shutdownNow();
        }
        return m.fin(etats.get());
    }

    private static String demarrerNu(ClientBanc http, String cle) {
        return http.post("démarrage (nu)", "/engine-rest/process-definition/key/" + PROCESSUS_NU + "/start", Map.of("businessKey", cle),
                basic("admin")).attendre(200, "démarrage").json().get("id").asText();
    }

    // --- Deposits against instance starts -----------------------------------------------------------------

    private Mesure depots(int combien) throws Exception {
        attendreJobs();
        Chronos chronos = new Chronos();
        ClientBanc http = new ClientBanc(port, chronos);
        String vague = ouvrirVague(http);
        return enParallele(chronos, combien, i -> deposer(http, vague, "dépôt"));
    }

    /**
     * Deposits and bare starts in alternate slices, A B B A A B…: the JIT compiler keeps improving the code during the whole
     * run, and the side measured second gained from it (2,000 of each: ours/bare 0.59 with our deposits first, 0.70 with
     * them second, on the same code). Each side's figures are the sum of its slices.
     */
    private Mesure[] depotsEtDemarrages(int combien, int tranches) throws Exception {
        attendreJobs();
        Chronos chronosNous = new Chronos();
        Chronos chronosNu = new Chronos();
        ClientBanc nous = new ClientBanc(port, chronosNous);
        ClientBanc nu = new ClientBanc(port, chronosNu);
        String vague = ouvrirVague(nous);
        Mesure depots = null;
        Mesure demarrages = null;
        int faits = 0;
        for (int r = 0; r < tranches; r++) {
            int taille = combien / tranches + (r < combien % tranches ? 1 : 0);
            int premier = faits;
            faits += taille;
            for (boolean lesNotres : r % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                attendreJobs();
                if (lesNotres) {
                    Mesure m = enParallele(chronosNous, taille, i -> deposer(nous, vague, "dépôt"));
                    depots = depots == null ? m : depots.plus(m);
                } else {
                    Mesure m = enParallele(chronosNu, taille, i -> demarrerNu(nu, "NU-D-" + (premier + i)));
                    demarrages = demarrages == null ? m : demarrages.plus(m);
                }
            }
        }
        return new Mesure[] {depots, demarrages};
    }

    private Mesure demarragesNus(int combien, String prefixe) throws Exception {
        attendreJobs();
        Chronos chronos = new Chronos();
        ClientBanc http = new ClientBanc(port, chronos);
        return enParallele(chronos, combien, i -> demarrerNu(http, prefixe + i));
    }

    private Mesure enParallele(Chronos chronos, int combien, Function<Integer, String> action) throws Exception {
        Mesure m = Mesure.debut(chronos);
        ExecutorService fils = Executors.newFixedThreadPool(t);
        try {
            List<Callable<String>> appels = new ArrayList<>();
            for (int i = 0; i < combien; i++) {
                int rang = i;
                appels.add(() -> action.apply(rang));
            }
            attendre(fils.invokeAll(appels));
        } finally {
            fils.shutdownNow();
        }
        return m.fin(combien);
    }


    // --- Tasklist's group filter, the mail outbox ---------------------------------------------------------

    /**
     * The outbox the whole run filled (acknowledgements, decisions…), drained by the application's own sender
     * ({@code EnvoyerCourriels#envoyerEnAttente}, what its schedule calls) to the in-process SMTP server of the demo mode.
     */
    private void vidangeCourriels() {
        org.springframework.jdbc.core.simple.JdbcClient jdbc = contexte.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        java.util.function.Supplier<Long> enAttente = () -> jdbc.sql("select count(*) from notification where etat in ('A_ENVOYER', 'EN_COURS')")
                .query(Long.class).single();
        java.util.function.Supplier<Long> envoyes = () -> jdbc.sql("select count(*) from notification where etat = 'ENVOYE'").query(Long.class)
                .single();
        long avant = envoyes.get();
        long attente = enAttente.get();
        Mesure m = Mesure.debut(new Chronos());
        contexte.getBean(fr.gouv.fabriques.application.notification.EnvoyerCourriels.class).envoyerEnAttente();
        sonder(() -> enAttente.get() == 0 ? Boolean.TRUE : null, "la vidange de la boîte d'envoi");
        long partis = envoyes.get() - avant;
        m.fin((int) Math.max(1, partis));
        double secondes = m.secondes;
        ligne("## Boîte d'envoi des courriels");
        ligne("");
        ligne("%d courriels en attente à la fin des phases, %d envoyés en %.1f s : %.1f courriels/s, CPU de la JVM %.0f ms par courriel"
                + " (%d en échec).", attente, partis, secondes, partis / secondes, m.cpuJvmParEtat(), jdbc.sql("select count(*) from notification where etat = 'ECHEC'").query(Long.class).single());
        ligne("");
        Map<String, Object> r = new LinkedHashMap<>(Map.of("en_attente", attente, "envoyes", partis, "duree_s", secondes, "cpu_jvm_ms", m.cpuJvmMs,
                "envoyes_par_s", partis / secondes));
        if (productionCourriels != null) {
            double parEtat = productionCourriels[0] / productionCourriels[1];
            double produitsMesure = parEtat * productionCourriels[2];
            double produitsVise = parEtat * productionCourriels[3];
            ligne("| boîte d'envoi | courriels/s | envoyés / produits |");
            ligne("|---|---|---|");
            ligne("| produits/s par le cycle de vie mesuré (%.0f courriels pour %.0f états d'attente, %.2f par état ; %.1f états/s) | %.1f | %.1f |",
                    productionCourriels[0], productionCourriels[1], parEtat, productionCourriels[2], produitsMesure, (partis / secondes) / produitsMesure);
            ligne("| produits/s au débit visé (0,6 × le processus nu : %.1f états/s) | %.1f | %.1f |", productionCourriels[3], produitsVise,
                    (partis / secondes) / produitsVise);
            ligne("| envoyés/s (vidange) | %.1f | |", partis / secondes);
            ligne("");
            r.put("produits_par_etat", parEtat);
            r.put("produits_par_s_cycle_mesure", produitsMesure);
            r.put("produits_par_s_debit_vise", produitsVise);
        }
        resultats.put("courriels", r);
    }

    /** Mails the lifecycle wrote, its wait states, its rate and the aimed rate (states/s); null before the lifecycle ran. */
    private double[] productionCourriels;

    private long courrielsDeposes() {
        return contexte.getBean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("select count(*) from notification").query(Long.class)
                .single();
    }

    // --- Helpers ------------------------------------------------------------------------------------------

    private static final AtomicInteger SIRENS = new AtomicInteger((int) Math.floorMod(System.nanoTime(), 80_000_000L));

    /** The applicants' access tokens, by dossier number. */
    private static final Map<String, String> JETONS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String deposer(ClientBanc http, String vague, String operation) {
        ObjectNode depot = (ObjectNode) lire("""
                {
                  "appel": "FABRIQUES_TERRITOIRE", "categorie": "HORS_GRANDS_CENTRES",
                  "structure": {
                    "raisonSociale": "Association La Fabrique du Val", "siret": "", "formeJuridique": "ASSOCIATION",
                    "adresse": { "ligne": "12 rue des Forges", "codePostal": "58000", "commune": "Nevers",
                      "codeInsee": "58194", "departement": "58", "region": "27" },
                    "codeQpv": null
                  },
                  "contact": { "nom": "Camille Martin", "email": "camille@fabrique-du-val.fr", "telephone": "0386000000" },
                  "projet": {
                    "nom": "La Fabrique du Val", "description": "Tiers-lieu rural : atelier partagé, coworking, médiation numérique",
                    "services": ["COWORKING", "ATELIER_PARTAGE", "MEDIATION_NUMERIQUE"],
                    "partenaires": "Communauté de communes, lycée agricole, CAF",
                    "gouvernance": "Collège des usagers, conseil d'administration mensuel", "etpFinances": 1.5
                  },
                  "montantsDemandes": { "annee1": 50000, "annee2": 50000, "annee3": 40000 }
                }
                """);
        depot.put("vague", vague);
        // « Une Fabrique par structure »: a company (SIREN) of its own for every deposit.
        String siren = Depots.avecCle(String.valueOf(10_000_000 + Math.floorMod(SIRENS.incrementAndGet(), 89_000_000)));
        ((ObjectNode) depot.get("structure")).put("siret", Depots.avecCle(siren + "0001"));
        JsonNode r = http.post(operation, "/api/dossiers", depot, null).attendre(201, "dépôt").json();
        JETONS.put(r.get("numero").asText(), r.get("jetonAcces").asText());
        return r.get("numero").asText();
    }

    private static JsonNode lire(String json) {
        try {
            return ClientBanc.JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A wave of its own, open for deposits (far ahead, inside the programme the benchmark sets). */
    private static String ouvrirVague(ClientBanc http) {
        String repere = Long.toString(System.nanoTime() & 0x7FFFFFFL, 36).toUpperCase();
        String code = "FDT-2036-" + ("000000" + repere).substring(repere.length());
        ClientBanc.Reponse r = http.post(null, "/api/agents/vagues", Map.of("code", code, "appel", "FABRIQUES_TERRITOIRE", "dateLimite",
                "2036-06-30T23:59:59+02:00"), basic("gestionnaire"));
        if (r.statut() / 100 != 2) {
            throw new IllegalStateException("création de la vague " + code + " : " + r.statut() + " " + r.corps());
        }
        return code;
    }

    /**
     * Polls until the probe returns something, at most 10 minutes: after 20 ms, then twice as long each time up to 200 ms.
     * A person comes back to a page, he does not ask it fifty times a second: what the application does in the background
     * (jobs) is not slowed down by requests that no user sends.
     */
    static <T> T sonder(java.util.function.Supplier<T> sonde, String quoi) {
        long limite = System.nanoTime() + 600_000_000_000L;
        long pause = 20;
        while (System.nanoTime() < limite) {
            T r = sonde.get();
            if (r != null) {
                return r;
            }
            try {
                Thread.sleep(pause);
                pause = Math.min(200, pause * 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("toujours rien après 10 minutes : " + quoi);
    }

    /** Before a phase: the previous one's background jobs are done, so that they do not count against it. */
    private void attendreJobs() {
        ManagementService management = contexte.getBean(ManagementService.class);
        sonder(() -> management.createJobQuery().executable().count() == 0 ? Boolean.TRUE : null, "la fin des jobs en cours");
    }

    private static <T> List<T> attendre(List<Future<T>> futurs) throws Exception {
        List<T> r = new ArrayList<>();
        for (Future<T> f : futurs) {
            r.add(f.get());
        }
        return r;
    }

    private void tableauOperations(String titre, Chronos chronos) {
        ligne("### %s", titre);
        ligne("");
        ligne("| opération | nombre | p50 (ms) | p95 (ms) |");
        ligne("|---|---|---|---|");
        for (String o : chronos.operations()) {
            ligne("| %s | %d | %.0f | %.0f |", o, chronos.nombre(o), chronos.percentile(o, 50), chronos.percentile(o, 95));
        }
        ligne("");
    }

    private void ligne(String l) {
        System.out.println(l);
        rapport.append(l).append('\n');
    }

    private void ligne(String format, Object... valeurs) {
        String l = String.format(Locale.FRANCE, format, valeurs);
        System.out.println(l);
        rapport.append(l).append('\n');
    }

    /** A phase's wall time and CPU (this JVM, and the whole machine from /proc/stat when there is one). */
    /** The application's DataSource, for the server-side statistics of -Dbanc.sql. */
    private static javax.sql.DataSource base;

    /**
     * With -Dbanc.sql=true and PostgreSQL started with shared_preload_libraries=pg_stat_statements: resets the server's statement
     * statistics (debut) or gives the statements that took the server the most time since (fin). Without the library: nothing.
     */
    private static String statistiquesPostgres(boolean remettreAZero) {
        if (!Boolean.getBoolean("banc.sql") || base == null) {
            return "";
        }
        try (java.sql.Connection c = base.getConnection(); java.sql.Statement st = c.createStatement()) {
            if (remettreAZero) {
                st.execute("create extension if not exists pg_stat_statements");
                st.execute("select pg_stat_statements_reset()");
                return "";
            }
            StringBuilder sb = new StringBuilder("Temps du serveur PostgreSQL par ordre (pg_stat_statements) : total ms, appels, ms par appel\n");
            try (java.sql.ResultSet r = st.executeQuery("select round(total_exec_time) t, calls, round((total_exec_time / calls)::numeric, 3) m, "
                    + "left(regexp_replace(query, '\\s+', ' ', 'g'), 100) q, sum(total_exec_time) over () s from pg_stat_statements "
                    + "order by total_exec_time desc limit 25")) {
                while (r.next()) {
                    if (r.isFirst()) {
                        sb.append(String.format("total %.0f ms%n", r.getDouble("s")));
                    }
                    sb.append(String.format("%8.0f %7d %8.3f  %s%n", r.getDouble("t"), r.getLong("calls"), r.getDouble("m"), r.getString("q")));
                }
            }
            return sb.toString();
        } catch (java.sql.SQLException e) {
            return remettreAZero ? "" : "(pg_stat_statements indisponible : " + e.getMessage().lines().findFirst().orElse("") + ")\n";
        }
    }

    private static final class Mesure {
        final Chronos chronos;
        final long debut;
        final long cpuJvmDebut;
        final long cpuMachineDebut;
        double secondes;
        double cpuJvmMs;
        double cpuMachineMs;
        /** Time the JIT compiler threads spent compiling during the phase (their CPU is in cpuJvmMs). */
        final long jitDebut;
        double jitMs;
        int etats;
        /** SQL round trips and statements of the application's DataSource during the phase (-Dbanc.sql=true; else 0). */
        long allersRetoursSql;
        long ordresSql;
        String ordresLesPlusEnvoyes = "";

        private Mesure(Chronos chronos) {
            this.chronos = chronos;
            CompteurSql.releverEtRemettreAZero();
            CompteurSql.plusFrequents(0);
            CompteurSql.parRequete(Map.of());
            statistiquesPostgres(true);
            this.cpuJvmDebut = cpuJvm();
            this.cpuMachineDebut = cpuMachine();
            this.jitDebut = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
            this.debut = System.nanoTime();
        }

        static Mesure debut(Chronos chronos) {
            return new Mesure(chronos);
        }

        Mesure fin(int etatsAttente) {
            secondes = (System.nanoTime() - debut) / 1e9;
            cpuJvmMs = (cpuJvm() - cpuJvmDebut) / 1e6;
            cpuMachineMs = (cpuMachine() - cpuMachineDebut) / 1e6;
            jitMs = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitDebut;
            etats = etatsAttente;
            Map<String, long[]> releve = CompteurSql.releverEtRemettreAZero();
            for (long[] v : releve.values()) {
                allersRetoursSql += v[0];
                ordresSql += v[1];
            }
            ordresLesPlusEnvoyes = (releve.isEmpty() ? "" : "Par requête HTTP :\n" + CompteurSql.parRequete(releve)) + CompteurSql.plusFrequents(40)
                    + statistiquesPostgres(false);
            if (System.getProperty("banc.sql.appelants") != null) {
                ordresLesPlusEnvoyes += "Appelants de « " + System.getProperty("banc.sql.appelants") + " » :\n" + CompteurSql.appelants();
            }
            return this;
        }

        /**
         * This measure and another of the same side taken later (a slice of it), as one: durations, CPU, compilation,
         * wait states and SQL counts add up, the operations' times join this one's, the SQL listings follow one another.
         */
        Mesure plus(Mesure autre) {
            if (autre.chronos != chronos) {
                chronos.verser(autre.chronos);
            }
            secondes += autre.secondes;
            cpuJvmMs += autre.cpuJvmMs;
            cpuMachineMs += autre.cpuMachineMs;
            jitMs += autre.jitMs;
            etats += autre.etats;
            allersRetoursSql += autre.allersRetoursSql;
            ordresSql += autre.ordresSql;
            if (!autre.ordresLesPlusEnvoyes.isEmpty()) {
                ordresLesPlusEnvoyes += "\n(tranche suivante)\n" + autre.ordresLesPlusEnvoyes;
            }
            return this;
        }

        double cpuJvmParEtat() {
            return cpuJvmMs / etats;
        }

        double cpuMachineParEtat() {
            return cpuMachineMs / etats;
        }

        Map<String, Object> resume() {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("duree_s", secondes);
            r.put("etats_attente", etats);
            r.put("cpu_jvm_ms", cpuJvmMs);
            r.put("cpu_machine_ms", cpuMachineMs);
            r.put("compilation_jit_ms", jitMs);
            if (Boolean.getBoolean("banc.sql")) {
                r.put("allers_retours_sql", allersRetoursSql);
                r.put("ordres_sql", ordresSql);
            }
            r.put("operations", chronos.resume());
            return r;
        }

        private static long cpuJvm() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        }

        /** Busy CPU time of the whole machine in ns (user, nice, system, irq, softirq, steal), 0 without /proc/stat. */
        private static long cpuMachine() {
            try {
                String[] c = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long jiffies = 0;
                for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                    jiffies += Long.parseLong(c[i]);
                }
                return jiffies * 10_000_000L; // USER_HZ = 100 on Linux
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }
    }
}
