package fr.gouv.fabriques.integration;

import static fr.gouv.fabriques.integration.Http.basic;

import fr.gouv.fabriques.application.vague.CreerVague;
import java.io.IOException;
import java.io.InputStream;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark, not a test (its name matches neither Surefire's nor Failsafe's patterns): exports
 * 1,000 then 10,000 dossiers in each format through HTTP, on the embedded PostgreSQL, and prints
 * the time, the size and the heap the export keeps alive (largest occupancy after a GC during the
 * export, the server running in this JVM), to show that memory stays flat as the count grows. The dossiers are inserted in SQL (instructed, with
 * scores and opinions) in a wave of their own. Asserts nothing. Run:
 * {@code ./mvnw verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=MesureExports}
 */
@IntegrationTest
class MesureExports {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CreerVague creerVague;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void mesurer() throws Exception {
        List<Integer> tailles = List.of(1_000, 10_000);
        StringBuilder rapport = new StringBuilder("\n=== Exports de la liste des dossiers ===\n");
        rapport.append(String.format("%-8s %8s %10s %12s %18s %14s%n", "format", "dossiers", "durée ms", "taille Ko", "retenu après GC Mo",
                "pic brut Mo"));
        ecouterLesGc();
        for (int n : tailles) {
            String vague = remplir(n);
            for (String format : List.of("csv", "xlsx", "ods")) {
                exporter(vague, format); // warm-up: classes loaded, JIT
                System.gc();
                Thread.sleep(200);
                long base = tasUtilise();
                reinitialiserPics();
                retenuMax.set(0);
                long debut = System.nanoTime();
                long octets = exporter(vague, format);
                long ms = (System.nanoTime() - debut) / 1_000_000;
                long pic = picDuTas();
                rapport.append(String.format("%-8s %8d %10d %12d %18.1f %14.1f%n", format, n, ms, octets / 1024,
                        Math.max(0, retenuMax.get() - base) / MO, Math.max(0, pic - base) / MO));
            }
            long debut = System.nanoTime();
            Http.Reponse page = new Http(port).get("/api/agents/dossiers?vague=" + vague + "&q=fabrique%20" + (n / 2) + "&tri=score&ordre=desc",
                    basic("gestionnaire"));
            rapport.append(String.format("liste (une page, recherche et tri par score) sur %d dossiers : %d ms (HTTP %d)%n", n,
                    (System.nanoTime() - debut) / 1_000_000, page.statut()));
        }
        rapport.append("retenu après GC : le plus grand tas occupé à la fin d'un GC pendant l'export (ce que l'export garde vivant), moins le "
                + "tas occupé avant l'export (après un GC) ; pic brut : somme des pics des zones du tas, déchets compris (dépend surtout de "
                + "la taille de la jeune génération)\n");
        System.out.println(rapport);
    }

    /** N instructed dossiers of a new wave, written in SQL; returns the wave's code. */
    private String remplir(int n) {
        String vague = Parcours.codeVague("FDT", 2036);
        creerVague.creer(vague, "FABRIQUES_TERRITOIRE", Parcours.dans(Duration.ofDays(700)), null);
        String prefixe = vague.substring(vague.length() - 6);
        jdbc.sql("""
                insert into dossier (numero, appel, vague, categorie, raison_sociale, siret, forme_juridique, adresse_ligne, code_postal,
                  commune, code_insee, departement, region, contact_nom, contact_email, contact_telephone, projet_nom,
                  projet_description, projet_services, projet_partenaires, projet_gouvernance, projet_etp_finances,
                  montant_demande_1, montant_demande_2, montant_demande_3, statut, jeton_hash, depose_le, modifie_le)
                select 'M' || ? || '-' || lpad(g::text, 6, '0'), 'FABRIQUES_TERRITOIRE', ?, 'HORS_GRANDS_CENTRES',
                  'Fabrique ' || g || ' de l''Écluse', '9' || ? || lpad(g::text, 7, '0'),
                  'ASSOCIATION', g || ' rue des Forges', '58000', 'Nevers', '58194', '58', '27', 'Camille Martin', 'c@exemple.fr',
                  '0386000000', 'Projet ' || g, repeat('Tiers-lieu rural : atelier partagé, coworking, médiation numérique. ', 8),
                  'COWORKING,ATELIER_PARTAGE', 'Communauté de communes, lycée agricole', 'Collège des usagers', 1.5,
                  50000, 50000, 40000 + (g % 10) * 1000, 'INSTRUIT', repeat('0', 64), now() - (g || ' minutes')::interval, now()
                  from generate_series(1, ?) g
                """).param(prefixe).param(vague)
                .param(String.format("%06d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000))).param(n).update();
        jdbc.sql("""
                insert into instruction (dossier_id, complet, completude_par, completude_le, avis_territorial, avis_commentaire, avis_par,
                  avis_le, proposition, proposition_motif, montant_propose_1, montant_propose_2, montant_propose_3, instruit_par,
                  instruit_le, validation, validee_par, validee_le, note_gouvernance, note_partenariats, note_besoin_local,
                  note_offre_services, note_modele_economique, note_emploi, score_total)
                select id, true, 'instructeur', now(), 'FAVORABLE', 'Projet ancré dans son territoire', 'referent-58', now(), 'FAVORABLE',
                  'Projet solide', 50000, 50000, 40000, 'instructeur', now(), 'VALIDEE', 'gestionnaire', now(), 4, 3, 5, 4, 2, 4,
                  (id % 1000) / 10.0
                  from dossier where vague = ?
                """).param(vague).update();
        return vague;
    }

    /** Reads the whole export as a browser would, without keeping it; returns its size. */
    private long exporter(String vague, String format) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/agents/dossiers/export." + format
                + "?vague=" + vague));
        basic("gestionnaire").forEach(b::header);
        HttpResponse<InputStream> r = client.send(b.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        long total = 0;
        byte[] tampon = new byte[64 * 1024];
        try (InputStream in = r.body()) {
            int lus;
            while ((lus = in.read(tampon)) >= 0) {
                total += lus;
            }
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException("export " + format + " : HTTP " + r.statusCode());
        }
        return total;
    }

    private static final double MO = 1024.0 * 1024;
    /** The largest heap occupancy right after a GC, since the last reset. */
    private final AtomicLong retenuMax = new AtomicLong();

    private void ecouterLesGc() {
        Set<String> tas = zonesDuTas().stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, r) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long apres = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream().filter(e -> tas.contains(e.getKey()))
                            .mapToLong(e -> e.getValue().getUsed()).sum();
                    retenuMax.accumulateAndGet(apres, Math::max);
                }
            }, null, null);
        }
    }

    private static List<MemoryPoolMXBean> zonesDuTas() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private static long tasUtilise() {
        return zonesDuTas().stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    private static void reinitialiserPics() {
        zonesDuTas().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long picDuTas() {
        return zonesDuTas().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
