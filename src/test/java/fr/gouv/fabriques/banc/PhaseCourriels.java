package fr.gouv.fabriques.banc;

import fr.gouv.fabriques.application.notification.EnvoyerCourriels;
import fr.gouv.fabriques.application.notification.NotificationsProperties;
import fr.gouv.fabriques.application.port.BoiteEnvoi;
import fr.gouv.fabriques.application.port.Messagerie;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox's drain, one connection per mail (the sender before issue 13) against one connection per batch (now), in the same
 * run: once the run's outbox is drained, up to M of the mails it sent are put back in the outbox and sent again by the
 * application's sender ({@link EnvoyerCourriels}, same outbox, same SMTP server), first with a {@link Messagerie} that opens a
 * connection for each mail, then with the application's own.
 */
final class PhaseCourriels {

    private PhaseCourriels() {
    }

    static void comparer(ConfigurableApplicationContext contexte, int combien, PhaseComite.Rapport rapport, Map<String, Object> resultats) {
        JdbcClient jdbc = contexte.getBean(JdbcClient.class);
        Messagerie messagerie = contexte.getBean(Messagerie.class);
        // Only envoyer(): the interface's default session, one connection per mail.
        Messagerie uneConnexionParCourriel = messagerie::envoyer;
        double[] avant = vidanger(contexte, jdbc, new EnvoyerCourriels(contexte.getBean(BoiteEnvoi.class), uneConnexionParCourriel,
                contexte.getBean(Clock.class), contexte.getBean(NotificationsProperties.class)), combien);
        double[] apres = vidanger(contexte, jdbc, contexte.getBean(EnvoyerCourriels.class), combien);
        if (avant == null || apres == null) {
            return;
        }
        rapport.ligne("Les mêmes %.0f courriels remis dans la boîte et envoyés à nouveau (taille de lot %d) :", avant[0],
                contexte.getBean(NotificationsProperties.class).tailleLot());
        rapport.ligne("");
        rapport.ligne("| vidange | envoyés/s | CPU de la JVM par courriel |");
        rapport.ligne("|---|---|---|");
        rapport.ligne("| une connexion SMTP par courriel (avant) | %.1f | %.1f ms |", avant[0] / avant[1], avant[2] / avant[0]);
        rapport.ligne("| une connexion SMTP par lot (maintenant) | %.1f | %.1f ms |", apres[0] / apres[1], apres[2] / apres[0]);
        rapport.ligne("");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("courriels", avant[0]);
        r.put("une_connexion_par_courriel_par_s", avant[0] / avant[1]);
        r.put("une_connexion_par_lot_par_s", apres[0] / apres[1]);
        resultats.put("courriels_connexions", r);
    }

    /** Puts up to M sent mails back in the outbox and drains it; returns {mails, seconds, JVM CPU ms}, or null when none was sent. */
    private static double[] vidanger(ConfigurableApplicationContext contexte, JdbcClient jdbc, EnvoyerCourriels envoyeur, int combien) {
        int remis = jdbc.sql("""
                update notification set etat = 'A_ENVOYER', tentatives = 0, prochaine_tentative = now() - interval '1 second', envoye_le = null
                 where id in (select id from notification where etat = 'ENVOYE' order by id limit ?)
                """).param(combien).update();
        if (remis == 0) {
            return null;
        }
        long cpu = cpu();
        long debut = System.nanoTime();
        int envoyes = envoyeur.envoyerEnAttente();
        double secondes = (System.nanoTime() - debut) / 1e9;
        if (envoyes != remis) {
            throw new IllegalStateException(remis + " courriels remis dans la boîte, " + envoyes + " envoyés");
        }
        return new double[] {envoyes, secondes, (cpu() - cpu) / 1e6};
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
