package fr.gouv.fabriques.banc;

import static fr.gouv.fabriques.banc.ClientBanc.basic;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Tasklist's « Tâches de mon groupe » filter as the engine grows: 1,000, 10,000 then 100,000 open tasks, and 300,000
 * finished process instances in the history, authorizations on; then the history cleanup of what such a history
 * produces.
 *
 * <p><b>How the rows are made.</b> Seed instances of a one-task process are started and, for the history, completed,
 * through the engine's Java API: their rows (executions, tasks, candidate groups, the per-task authorizations the
 * engine grants to candidate groups, variables, every history table) are the engine's own. They are then copied in
 * SQL, ids suffixed, up to the wanted counts: starting 100,000 instances and finishing 300,000 through the engine
 * would take hours here, and a query only sees rows. The copies are vacuumed and analyzed as autovacuum would, but
 * before the measure rather than during it.
 *
 * <p><b>What is measured.</b> The request Tasklist sends when an agent opens the filter ({@code POST
 * /engine-rest/filter/{id}/list} in {@code application/hal+json}: the page of 15 <em>and</em> the count, the card
 * variables, the embedded process definitions), beside the bare engine query by candidate group (page and count),
 * 100 times each after 5 unmeasured rounds, by « instructeur ». The instructors' queue stays at the same size while the engine grows: the other
 * open tasks belong to the programme's other groups (territorial referents of the departments, committee, managers,
 * finance). A last level puts all 100,000 open tasks in the instructors' group: Tasklist's answer then includes the
 * count of 100,000 tasks, each authorization-checked, which no index makes constant; it is reported as such.
 */
final class PhaseFiltre {

    static final String PROCESSUS = "Process_BancFile";
    private static final String TACHE = "Tache_File";
    private static final int REPETITIONS = 100;
    private static final int ECHAUFFEMENT = 5;
    private static final int GRAINES = 20;
    private static final String FILTRE = "Tâches de mon groupe";
    /** The other groups' share of the open tasks, round-robin: referents of several departments, committee, managers, finance. */
    private static final List<String> AUTRES_GROUPES = List.of("referents-58", "referents-75", "referents-13", "referents-69", "referents-33",
            "referents-2A", "comite-selection", "gestionnaires", "service-financier");

    private final ConfigurableApplicationContext contexte;
    private final int port;
    private final Consumer<String> ligne;
    private final DataSource base;
    private final int file;
    private final List<Integer> niveaux;
    private final int historique;
    private int lot;

    PhaseFiltre(ConfigurableApplicationContext contexte, int port, Consumer<String> ligne) {
        this.contexte = contexte;
        this.port = port;
        this.ligne = ligne;
        this.base = contexte.getBean(DataSource.class);
        this.file = Integer.getInteger("banc.file", 1000);
        String ouvertes = System.getProperty("banc.ouvertes", "");
        this.niveaux = entiers(ouvertes.isBlank() ? "1000,10000,100000" : ouvertes);
        this.historique = Integer.getInteger("banc.historique", 300_000);
    }

    Map<String, Object> mesurer() throws Exception {
        deployer();
        Map<String, List<String>> graines = new LinkedHashMap<>();
        graines.put("instructeurs", demarrer("instructeurs", GRAINES));
        for (String groupe : AUTRES_GROUPES) {
            graines.put(groupe, demarrer(groupe, 2));
        }
        List<String> terminees = terminer(demarrer("instructeurs", GRAINES));

        Map<String, Object> resultats = new LinkedHashMap<>();
        List<Niveau> mesures = new ArrayList<>();
        String filtre = filtre();
        for (int niveau : niveaux) {
            int fileVoulue = Math.min(file, niveau);
            completer("instructeurs", graines.get("instructeurs"), fileVoulue);
            int autres = niveau - fileVoulue;
            for (int i = 0; i < AUTRES_GROUPES.size(); i++) {
                String groupe = AUTRES_GROUPES.get(i);
                int part = autres / AUTRES_GROUPES.size() + (i < autres % AUTRES_GROUPES.size() ? 1 : 0);
                completer(groupe, graines.get(groupe), part);
            }
            // The finished history grows with the engine, to banc.historique at the last level.
            long histoire = Math.round(historique * (double) niveau / niveaux.get(niveaux.size() - 1));
            completerHistorique(terminees, histoire);
            analyser();
            mesures.add(mesurerNiveau(filtre, "file de " + fileVoulue + " tâches, " + niveau + " tâches ouvertes, " + histoire
                    + " instances terminées"));
        }
        // Worst case: every open task in the instructors' group.
        executer("update act_ru_identitylink set group_id_ = 'instructeurs' where type_ = 'candidate' and group_id_ = any(?)",
                AUTRES_GROUPES.toArray(String[]::new));
        executer("update act_ru_authorization set group_id_ = 'instructeurs' where resource_type_ = 7 and group_id_ = any(?)",
                AUTRES_GROUPES.toArray(String[]::new));
        analyser();
        Niveau pire = mesurerNiveau(filtre, "toutes les " + niveaux.get(niveaux.size() - 1) + " tâches ouvertes dans le groupe « instructeurs »");

        rapport(mesures, pire);
        List<Map<String, Object>> json = new ArrayList<>();
        for (Niveau n : mesures) {
            json.add(n.resume());
        }
        resultats.put("niveaux", json);
        resultats.put("meme_groupe", pire.resume());
        resultats.put("nettoyage_historique", nettoyage(terminees));
        retirerTachesOuvertes();
        return resultats;
    }

    /**
     * Removes the open instances this phase made (their runtime rows and their unfinished history), so that the
     * phases after it find the engine as it was, but for the finished history, which stays: years of history are
     * what a programme's engine holds.
     */
    private void retirerTachesOuvertes() throws SQLException {
        try (Connection c = base.getConnection(); var s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("create temp table banc_instances on commit drop as select e.id_ from act_ru_execution e join act_re_procdef d"
                    + " on d.id_ = e.proc_def_id_ where d.key_ like 'Process\\_BancFile\\_%' and e.id_ = e.proc_inst_id_");
            s.execute("create temp table banc_taches on commit drop as select id_ from act_ru_task where proc_inst_id_ in (select id_ from banc_instances)");
            s.execute("delete from act_ru_authorization where resource_type_ = 7 and resource_id_ in (select id_ from banc_taches)");
            s.execute("delete from act_ru_identitylink where task_id_ in (select id_ from banc_taches)");
            s.execute("delete from act_ru_variable where proc_inst_id_ in (select id_ from banc_instances)");
            s.execute("delete from act_ru_task where id_ in (select id_ from banc_taches)");
            s.execute("delete from act_ru_execution where proc_inst_id_ in (select id_ from banc_instances)");
            s.execute("delete from act_hi_identitylink where task_id_ in (select id_ from banc_taches)");
            for (String table : List.of("act_hi_varinst", "act_hi_taskinst", "act_hi_actinst", "act_hi_procinst")) {
                s.execute("delete from " + table + " where proc_inst_id_ in (select id_ from banc_instances)");
            }
            c.commit();
            c.setAutoCommit(true);
            s.execute("vacuum analyze");
        }
        ligne.accept(String.format(Locale.FRANCE, "Les tâches ouvertes de cette phase sont retirées ; ses %d instances terminées restent dans l'historique"
                + " pour les phases suivantes.", compter("select count(*) from act_hi_procinst where end_time_ is not null")));
        ligne.accept("");
    }

    // --- Measure ------------------------------------------------------------------------------------------

    private record Niveau(String libelle, long ouvertes, long fileInstructeurs, long terminees, Chronos chronos) {
        static final String TASKLIST = "Tasklist : liste de 15 et nombre (hal+json)";
        static final String NUE_LISTE = "requête nue par groupe : liste de 15";
        static final String NUE_NOMBRE = "requête nue par groupe : nombre";

        Map<String, Object> resume() {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("libelle", libelle);
            r.put("taches_ouvertes", ouvertes);
            r.put("file_instructeurs", fileInstructeurs);
            r.put("instances_terminees", terminees);
            r.putAll(chronos.resume());
            return r;
        }
    }

    private Niveau mesurerNiveau(String filtre, String libelle) {
        TaskService taches = contexte.getBean(TaskService.class);
        long ouvertes = taches.createTaskQuery().count();
        long fileInstructeurs = taches.createTaskQuery().taskCandidateGroup("instructeurs").count();
        long terminees = contexte.getBean(HistoryService.class).createHistoricProcessInstanceQuery().finished().count();
        Chronos chronos = new Chronos();
        ClientBanc http = new ClientBanc(port, chronos);
        // What Tasklist posts when the filter is opened (its default sort, no variable filter).
        Map<String, Object> corps = Map.of("processVariables", List.of(), "taskVariables", List.of(), "caseInstanceVariables", List.of(),
                "sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")));
        long attendues = -1;
        // Warm-up rounds, not measured (JIT, caches, the first plans of a level): then REPETITIONS measured rounds.
        for (int i = -ECHAUFFEMENT; i < REPETITIONS; i++) {
            if (i == 0) {
                chronos = new Chronos();
                http = new ClientBanc(port, chronos);
            }
            JsonNode page = http.postHal(Niveau.TASKLIST, "/engine-rest/filter/" + filtre + "/list?firstResult=0&maxResults=15", corps,
                    basic("instructeur")).attendre(200, "filtre").json();
            if (page.path("_embedded").path("task").size() != Math.min(15, fileInstructeurs) || page.path("count").asLong() != fileInstructeurs) {
                throw new IllegalStateException("filtre « " + FILTRE + " » : " + page.path("count") + " tâches, " + fileInstructeurs + " attendues");
            }
            http.get(Niveau.NUE_LISTE, "/engine-rest/task?candidateGroup=instructeurs&unassigned=true&sortBy=created&sortOrder=desc"
                    + "&firstResult=0&maxResults=15", basic("instructeur")).attendre(200, "requête");
            attendues = http.get(Niveau.NUE_NOMBRE, "/engine-rest/task/count?candidateGroup=instructeurs&unassigned=true", basic("instructeur"))
                    .attendre(200, "requête").json().get("count").asLong();
        }
        if (attendues != fileInstructeurs) {
            throw new IllegalStateException("requête nue : " + attendues + " tâches, " + fileInstructeurs + " attendues");
        }
        ligne.accept(String.format(Locale.FRANCE, "Filtre mesuré : %s (%d ouvertes, %d dans la file d'« instructeur », %d terminées) : Tasklist p50 %.0f ms, p95 %.0f ms.",
                libelle, ouvertes, fileInstructeurs, terminees, chronos.percentile(Niveau.TASKLIST, 50), chronos.percentile(Niveau.TASKLIST, 95)));
        return new Niveau(libelle, ouvertes, fileInstructeurs, terminees, chronos);
    }

    private void rapport(List<Niveau> niveaux, Niveau pire) {
        Niveau reference = niveaux.get(0);
        ligne.accept(String.format(Locale.FRANCE, "## Filtre « %s » de Tasklist quand le moteur grandit (autorisations actives, %d fois chacune)", FILTRE,
                REPETITIONS));
        ligne.accept("");
        ligne.accept("La file du groupe « instructeurs » garde sa taille ; les autres tâches ouvertes sont celles des autres groupes du programme.");
        ligne.accept("");
        ligne.accept("| tâches ouvertes | file d'instructeur | instances terminées | Tasklist p50 / p95 | ÷ p95 au premier niveau | nue liste p50 / p95 | nue nombre p50 / p95 |");
        ligne.accept("|---|---|---|---|---|---|---|");
        for (Niveau n : niveaux) {
            ligneNiveau(n, reference);
        }
        ligneNiveau(pire, reference);
        ligne.accept("");
        ligne.accept(String.format(Locale.FRANCE, "Dernière ligne : %s. La réponse de Tasklist compte alors chaque tâche du groupe, autorisation vérifiée : "
                + "ce nombre croît avec la file, aucun index ne le rend constant.", pire.libelle()));
        ligne.accept("");
    }

    private void ligneNiveau(Niveau n, Niveau reference) {
        Chronos c = n.chronos();
        ligne.accept(String.format(Locale.FRANCE, "| %d | %d | %d | %.0f / %.0f ms | **%.2f** | %.0f / %.0f ms | %.0f / %.0f ms |", n.ouvertes(), n.fileInstructeurs(),
                n.terminees(), c.percentile(Niveau.TASKLIST, 50), c.percentile(Niveau.TASKLIST, 95),
                c.percentile(Niveau.TASKLIST, 95) / reference.chronos().percentile(Niveau.TASKLIST, 95), c.percentile(Niveau.NUE_LISTE, 50),
                c.percentile(Niveau.NUE_LISTE, 95), c.percentile(Niveau.NUE_NOMBRE, 50), c.percentile(Niveau.NUE_NOMBRE, 95)));
    }

    // --- History cleanup ----------------------------------------------------------------------------------

    /**
     * Makes 50,000 of the copied finished instances due for removal (as if they had ended 180 days ago) and lets the
     * engine's history cleanup job remove them, as it does every night; measures its rate.
     */
    private Map<String, Object> nettoyage(List<String> terminees) throws Exception {
        int echues = Math.min(50_000, historique / 2);
        long lotEchu = ++lot;
        cloner(terminees, echues, lotEchu, "now() - interval '1 day'");
        analyser();
        HistoryService histoire = contexte.getBean(HistoryService.class);
        // Every history table the copies filled: the job removes up to a batch of each per run, instances first.
        Supplier<Long> restantes = () -> compter("select (select count(*) from act_hi_procinst where removal_time_ < now())"
                + " + (select count(*) from act_hi_actinst where removal_time_ < now()) + (select count(*) from act_hi_taskinst where removal_time_ < now())"
                + " + (select count(*) from act_hi_varinst where removal_time_ < now()) + (select count(*) from act_hi_identitylink where removal_time_ < now())");
        long avant = compter("select count(*) from act_hi_procinst where removal_time_ < now()");
        long lignesAvant = restantes.get();
        long debut = System.nanoTime();
        histoire.cleanUpHistoryAsync(true);
        while (restantes.get() > 0) {
            if ((System.nanoTime() - debut) / 1e9 > 3600) {
                throw new IllegalStateException("le nettoyage de l'historique n'a pas fini en une heure");
            }
            Thread.sleep(500);
        }
        double secondes = (System.nanoTime() - debut) / 1e9;
        double parSeconde = avant / secondes;
        long lignes = compter("select count(*) from act_hi_actinst") + compter("select count(*) from act_hi_taskinst");
        ligne.accept("## Nettoyage de l'historique");
        ligne.accept("");
        ligne.accept(String.format(Locale.FRANCE, "%d instances terminées échues et leurs %d lignes d'historique (instances, activités, tâches, variables,"
                + " liens) supprimées par le job de nettoyage du moteur (lots de 500 par table, réglages par défaut) en %.1f s : %.0f instances/s,"
                + " soit %.0f par fenêtre de nuit de 4 h (01:00–05:00), pour %d instances terminées dans tout l'historique du banc.",
                avant, lignesAvant, secondes, parSeconde, parSeconde * 4 * 3600, historique));
        ligne.accept(String.format(Locale.FRANCE, "Lignes d'activités et de tâches restantes dans l'historique : %d.", lignes));
        ligne.accept("");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("instances_supprimees", avant);
        r.put("lignes_supprimees", lignesAvant);
        r.put("duree_s", secondes);
        r.put("instances_par_s", parSeconde);
        return r;
    }

    // --- Rows ---------------------------------------------------------------------------------------------

    /** One generated process per group (the project's deployment rules let a model read only the programme's variables). */
    private void deployer() {
        var deploiement = contexte.getBean(RepositoryService.class).createDeployment().name("banc-file");
        List<String> groupes = new ArrayList<>(AUTRES_GROUPES);
        groupes.add(0, "instructeurs");
        for (String groupe : groupes) {
            BpmnModelInstance modele = Bpmn.createExecutableProcess(cle(groupe))
                    .name("Banc : tâche de file (" + groupe + ")")
                    .camundaHistoryTimeToLive(180)
                    .startEvent()
                    .userTask(TACHE).name("Tâche de file").camundaCandidateGroups(groupe)
                    .endEvent()
                    .done();
            deploiement.addModelInstance(cle(groupe) + ".bpmn", modele);
        }
        deploiement.deploy();
    }

    private static String cle(String groupe) {
        return PROCESSUS + "_" + groupe.replace('-', '_');
    }

    private List<String> demarrer(String groupe, int combien) {
        RuntimeService runtime = contexte.getBean(RuntimeService.class);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < combien; i++) {
            ProcessInstance instance = runtime.startProcessInstanceByKey(cle(groupe), "FILE-" + groupe + "-" + i, Map.of(
                    "numero", "FDT-BANC-" + i, "structure", "Tiers-lieu du banc " + i, "categorie", "CLASSIQUE", "vague", "BANC"));
            ids.add(instance.getId());
        }
        return ids;
    }

    private List<String> terminer(List<String> instances) {
        TaskService taches = contexte.getBean(TaskService.class);
        for (String instance : instances) {
            Task tache = taches.createTaskQuery().processInstanceId(instance).singleResult();
            taches.claim(tache.getId(), "instructeur");
            taches.complete(tache.getId());
        }
        return instances;
    }

    /** Copies the seed instances of {@code groupe} until the group has {@code voulues} open tasks of the bench process. */
    private void completer(String groupe, List<String> graines, long voulues) throws SQLException {
        // By the definition's key: a definition id longer than 64 characters is a bare UUID.
        long actuelles = compter("select count(*) from act_ru_task t join act_re_procdef d on d.id_ = t.proc_def_id_ where d.key_ = '"
                + cle(groupe) + "'");
        if (voulues > actuelles) {
            cloner(graines, voulues - actuelles, ++lot, null);
        }
    }

    private void completerHistorique(List<String> terminees, long voulues) throws SQLException {
        long actuelles = compter("select count(*) from act_hi_procinst where end_time_ is not null");
        if (voulues > actuelles) {
            cloner(terminees, voulues - actuelles, ++lot, null);
        }
    }

    /** Columns holding an id of the copied instance's own rows: suffixed in the copies. */
    private static final Set<String> IDS = Set.of("id_", "proc_inst_id_", "execution_id_", "task_id_", "root_proc_inst_id_", "parent_id_",
            "act_inst_id_", "parent_act_inst_id_", "business_key_", "var_scope_", "parent_task_id_");

    /**
     * Copies {@code combien} instances, round-robin over {@code graines}, with every row the engine wrote for them.
     * A non-null {@code suppression} replaces their removal time (history cleanup).
     */
    private void cloner(List<String> graines, long combien, long numeroLot, String suppression) throws SQLException {
        long parGraine = (combien + graines.size() - 1) / graines.size();
        long reste = combien;
        List<String> utilisees = new ArrayList<>();
        for (int i = 0; i < graines.size() && reste > 0; i++) {
            utilisees.add(graines.get(i));
        }
        // Copies of each seed: 1..parGraine, the last seeds fewer so that the total is exact.
        try (Connection c = base.getConnection()) {
            c.setAutoCommit(false);
            for (int i = 0; i < utilisees.size() && reste > 0; i++) {
                long copies = Math.min(parGraine, reste);
                reste -= copies;
                Array instance = c.createArrayOf("varchar", new String[] {utilisees.get(i)});
                String suffixe = "'-" + numeroLot + "-' || g";
                for (String table : List.of("act_ru_execution", "act_ru_task", "act_ru_variable", "act_hi_procinst", "act_hi_actinst", "act_hi_taskinst",
                        "act_hi_varinst")) {
                    copier(c, table, "s.proc_inst_id_ = any(?)", instance, copies, suffixe, suppression);
                }
                copier(c, "act_ru_identitylink", "s.task_id_ in (select id_ from act_ru_task where proc_inst_id_ = any(?))", instance, copies, suffixe,
                        suppression);
                copier(c, "act_hi_identitylink", "s.task_id_ in (select id_ from act_hi_taskinst where proc_inst_id_ = any(?))", instance, copies,
                        suffixe, suppression);
                copier(c, "act_ru_authorization", "s.resource_type_ = 7 and s.resource_id_ in (select id_ from act_ru_task where proc_inst_id_ = any(?))",
                        instance, copies, suffixe, suppression);
            }
            c.commit();
        }
    }

    private static void copier(Connection c, String table, String seed, Array instance, long copies, String suffixe, String suppression)
            throws SQLException {
        List<String> colonnes = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("select column_name from information_schema.columns where table_schema = current_schema()"
                + " and table_name = ? order by ordinal_position")) {
            p.setString(1, table);
            try (var r = p.executeQuery()) {
                while (r.next()) {
                    colonnes.add(r.getString(1));
                }
            }
        }
        List<String> valeurs = new ArrayList<>();
        for (String colonne : colonnes) {
            if (IDS.contains(colonne) || (table.equals("act_ru_authorization") && colonne.equals("resource_id_"))) {
                valeurs.add("s." + colonne + " || " + suffixe);
            } else if (suppression != null && colonne.equals("removal_time_")) {
                valeurs.add(suppression);
            } else {
                valeurs.add("s." + colonne);
            }
        }
        String sql = "insert into " + table + " (" + String.join(", ", colonnes) + ") select " + String.join(", ", valeurs) + " from " + table
                + " s cross join generate_series(1, ?) g where " + seed;
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, copies);
            p.setArray(2, instance);
            p.executeUpdate();
        }
    }

    /**
     * The copies just written are vacuumed and analyzed before a level is measured. Left to autovacuum, the vacuum of the
     * hundreds of thousands of history rows copied at once (act_hi_actinst, act_hi_taskinst, act_hi_varinst…) ran during the
     * measure of the 100,000-task level, on one of the machine's two cores: a bulk load's aftermath, which a history grown over
     * years of a programme does not have (autovacuum then follows a few thousand rows a day).
     */
    private void analyser() throws SQLException {
        try (Connection c = base.getConnection(); var s = c.createStatement()) {
            s.execute("vacuum analyze");
        }
        long pause = Long.getLong("banc.filtre.pause-s", 0);
        if (pause > 0) {
            // -Dbanc.filtre.pause-s=600: time to look at the plans of a level (EXPLAIN ANALYZE) before it is measured.
            ligne.accept("Pause de " + pause + " s avant la mesure (banc.filtre.pause-s).");
            try {
                Thread.sleep(pause * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void executer(String sql, String[] groupes) throws SQLException {
        try (Connection c = base.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setArray(1, c.createArrayOf("varchar", groupes));
            p.executeUpdate();
        }
    }

    private long compter(String sql) {
        try (Connection c = base.getConnection(); var s = c.createStatement(); var r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private String filtre() {
        ClientBanc http = new ClientBanc(port, new Chronos());
        for (JsonNode f : http.get(null, "/engine-rest/filter?resourceType=Task", basic("instructeur")).attendre(200, "filtres").json()) {
            if (f.get("name").asText().equals(FILTRE)) {
                return f.get("id").asText();
            }
        }
        throw new IllegalStateException("filtre « " + FILTRE + " » introuvable pour instructeur");
    }

    private static List<Integer> entiers(String liste) {
        List<Integer> r = new ArrayList<>();
        for (String s : liste.split(",")) {
            r.add(Integer.parseInt(s.trim()));
        }
        return r;
    }
}
