package fr.gouv.fabriques.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.gouv.fabriques.application.port.ProgrammeRepository;
import fr.gouv.fabriques.application.vague.CreerVague;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.ErreurMetier;
import fr.gouv.fabriques.domain.Programme;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Quotas and envelope hold whatever the order of events: two committees publishing
 * at the same moment cannot together exceed a quota, and the database refuses any
 * state beyond them even if the application's check were bypassed.
 */
@IntegrationTest
class QuotasConcurrenceIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.context.ApplicationContext contexte;
    @Autowired
    CreerVague creerVague;
    @Autowired
    ProgrammeRepository programmes;
    @Autowired
    TransactionTemplate transaction;

    Parcours parcours;
    Map<String, Object> sauvegarde;

    @BeforeEach
    void setUp() {
        parcours = Parcours.pour(port, contexte);
        sauvegarde = jdbc.sql("select * from programme where id = 1").query().singleRow();
    }

    @AfterEach
    void restaurer() {
        // Give the other tests of the shared database the programme they had.
        jdbc.sql("""
                update programme set quota_hors_grands_centres = :qh, quota_qpv = :qq, quota_numerique_qpv = :qn,
                  laureats_hors_grands_centres = :lh, laureats_qpv = :lq, laureats_numerique_qpv = :ln, engage = :e, enveloppe = :env
                where id = 1
                """).param("qh", sauvegarde.get("quota_hors_grands_centres")).param("qq", sauvegarde.get("quota_qpv"))
                .param("qn", sauvegarde.get("quota_numerique_qpv")).param("lh", sauvegarde.get("laureats_hors_grands_centres"))
                .param("lq", sauvegarde.get("laureats_qpv")).param("ln", sauvegarde.get("laureats_numerique_qpv"))
                .param("e", sauvegarde.get("engage")).param("env", sauvegarde.get("enveloppe")).update();
    }

    private String vague() {
        String code = Parcours.codeVague("FDT", 2032);
        creerVague.creer(code, "FABRIQUES_TERRITOIRE", Parcours.dans(Duration.ofDays(500)), null);
        return code;
    }

    @Test
    void deuxComitesQuiPublientEnMemeTempsNeDepassentPasLeQuota() throws Exception {
        String v1 = vague();
        String v2 = vague();
        Map<String, String> d1 = new LinkedHashMap<>();
        Map<String, String> d2 = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            String a = parcours.deposer(v1, "QPV");
            parcours.instruire(a);
            d1.put(a, "LAUREAT");
            String b = parcours.deposer(v2, "QPV");
            parcours.instruire(b);
            d2.put(b, "LAUREAT");
        }
        parcours.deliberer(v1, d1);
        parcours.deliberer(v2, d2);
        // Four QPV places left: each committee alone fits (3), both together (6) do not.
        int quotaQpv = programmes.lire().quotas().get(Categorie.QPV);
        jdbc.sql("update programme set laureats_qpv = ? where id = 1").param(quotaQpv - 4).update();

        CountDownLatch depart = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> resultats = new ArrayList<>();
        for (String v : List.of(v1, v2)) {
            resultats.add(pool.submit((Callable<String>) () -> {
                depart.await();
                return parcours.publier(v);
            }));
        }
        depart.countDown();
        List<String> refus = new ArrayList<>();
        for (Future<String> f : resultats) {
            String r = f.get();
            if (r != null) {
                refus.add(r);
            }
        }
        pool.shutdown();

        assertThat(refus).as("une publication refusée, l'autre passée").hasSize(1);
        assertThat(refus.get(0)).contains("QPV").contains("quota");
        Programme apres = programmes.lire();
        assertThat(apres.laureats().get(Categorie.QPV)).isEqualTo(quotaQpv - 1).isLessThanOrEqualTo(apres.quotas().get(Categorie.QPV));
        long laureats = jdbc.sql("select count(*) from dossier where statut = 'LAUREAT' and vague in (?, ?)").param(v1).param(v2)
                .query(Long.class).single();
        assertThat(laureats).isEqualTo(3);
    }

    @Test
    void laBaseRefuseUnEtatAuDelaDuQuotaOuDeLEnveloppeMemeSansLeControleDuDomaine() {
        Programme p = programmes.lire();
        Map<Categorie, Integer> trop = new java.util.EnumMap<>(p.laureats());
        trop.put(Categorie.NUMERIQUE_QPV, p.quotas().get(Categorie.NUMERIQUE_QPV) + 1);
        Programme horsQuota = new Programme(p.totalFabriques(), p.quotas(), trop, p.enveloppe(), p.engage());
        assertThatThrownBy(() -> transaction.executeWithoutResult(s -> programmes.enregistrer(horsQuota)))
                .isInstanceOf(ErreurMetier.class).hasMessageContaining("programme_quota_numerique_qpv");
        Programme horsEnveloppe = new Programme(p.totalFabriques(), p.quotas(), p.laureats(), p.enveloppe(), p.enveloppe() + 1);
        assertThatThrownBy(() -> transaction.executeWithoutResult(s -> programmes.enregistrer(horsEnveloppe)))
                .isInstanceOf(ErreurMetier.class).hasMessageContaining("programme_enveloppe");
        assertThat(programmes.lire()).isEqualTo(p);
    }

    @Test
    void lesPublicationsConcurrentesNeDepassentPasLEnveloppe() throws Exception {
        // Direct on the locked row: 20 threads each commit 1 M€ against 10 M€ left → exactly 10 pass.
        Programme p = programmes.lire();
        jdbc.sql("update programme set engage = enveloppe - 10000000 where id = 1").update();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch depart = new CountDownLatch(1);
        List<Future<Boolean>> essais = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            essais.add(pool.submit(() -> {
                depart.await();
                try {
                    transaction.executeWithoutResult(s -> programmes.enregistrer(programmes.verrouiller()
                            .engager(Map.of(), 1_000_000)));
                    return true;
                } catch (ErreurMetier refus) {
                    assertThat(refus).hasMessageContaining("enveloppe");
                    return false;
                }
            }));
        }
        depart.countDown();
        int passees = 0;
        for (Future<Boolean> f : essais) {
            passees += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(passees).isEqualTo(10);
        assertThat(programmes.lire().engage()).isEqualTo(p.enveloppe());
    }
}
