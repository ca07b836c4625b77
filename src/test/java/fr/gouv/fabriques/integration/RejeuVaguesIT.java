package fr.gouv.fabriques.integration;

import static fr.gouv.fabriques.integration.Http.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.fabriques.application.comite.ReequilibrerQuotas;
import fr.gouv.fabriques.application.port.ProgrammeRepository;
import fr.gouv.fabriques.application.vague.CreerVague;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.Programme;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Three consecutive waves replayed with the engine's clock moved forward: deposits,
 * deadlines that close the waves by their timers, carry-over, adjournment, a lapsed
 * grant that gives its place back, a publication refused at the quota and then
 * corrected. Quotas and envelope are checked after every step.
 */
@IntegrationTest
class RejeuVaguesIT {

    static final java.time.ZoneId PARIS = java.time.ZoneId.of("Europe/Paris");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.context.ApplicationContext contexte;
    @Autowired
    RuntimeService runtime;
    @Autowired
    CreerVague creerVague;
    @Autowired
    ProgrammeRepository programmes;
    @Autowired
    ReequilibrerQuotas reequilibrer;

    @AfterEach
    void horlogeReelle() {
        ClockUtil.reset();
    }

    static void aller(LocalDate jour) {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(jour, LocalTime.NOON, PARIS).toInstant()));
    }

    static Instant finDeJournee(LocalDate jour) {
        return ZonedDateTime.of(jour, LocalTime.of(23, 59, 59), PARIS).toInstant();
    }

    private void verifierCompteurs(Programme depart, int laureatsEnPlus, long engageEnPlus) {
        Programme p = programmes.lire();
        assertThat(p.laureats().get(Categorie.HORS_GRANDS_CENTRES))
                .isEqualTo(depart.laureats().get(Categorie.HORS_GRANDS_CENTRES) + laureatsEnPlus)
                .isLessThanOrEqualTo(p.quotas().get(Categorie.HORS_GRANDS_CENTRES));
        assertThat(p.engage()).isEqualTo(depart.engage() + engageEnPlus).isLessThanOrEqualTo(p.enveloppe());
        long laureatsEnBase = jdbc.sql("select count(*) from dossier where categorie = 'HORS_GRANDS_CENTRES' and statut in "
                // The early ends (soldé après reversement, résilié) keep their quota place too.
                + "('LAUREAT', 'CONVENTION_SIGNEE_PORTEUR', 'CONVENTIONNE', 'VERSEMENTS_SUSPENDUS', 'SOLDE', 'SOLDE_APRES_REVERSEMENT', 'RESILIE')")
                .query(Long.class).single();
        assertThat(p.laureats().get(Categorie.HORS_GRANDS_CENTRES)).as("compteur = lauréats en base").isEqualTo((int) laureatsEnBase);
    }

    @Test
    void troisVaguesSuccessives() {
        Http http = new Http(port);
        Parcours parcours = Parcours.pour(port, contexte);
        aller(LocalDate.of(2033, 1, 5));
        Programme depart = programmes.lire();
        String v1 = "FDT-2033-03";
        String v2 = "FDT-2033-06";
        String v3 = "FDT-2033-09";
        creerVague.creer(v1, "FABRIQUES_TERRITOIRE", finDeJournee(LocalDate.of(2033, 3, 30)), LocalDate.of(2033, 5, 10));
        creerVague.creer(v2, "FABRIQUES_TERRITOIRE", finDeJournee(LocalDate.of(2033, 6, 30)), LocalDate.of(2033, 8, 10));
        creerVague.creer(v3, "FABRIQUES_TERRITOIRE", finDeJournee(LocalDate.of(2033, 9, 30)), LocalDate.of(2033, 11, 10));

        // Wave 1: three instructed, one still in instruction at the deadline.
        String a = parcours.deposer(v1, "HORS_GRANDS_CENTRES");
        String b = parcours.deposer(v1, "HORS_GRANDS_CENTRES");
        String c = parcours.deposer(v1, "HORS_GRANDS_CENTRES");
        String enRetard = parcours.deposer(v1, "HORS_GRANDS_CENTRES");
        for (String n : new String[] {a, b, c}) {
            parcours.instruire(n);
        }
        aller(LocalDate.of(2033, 3, 31));
        var tardif = Depots.valide();
        tardif.put("vague", v1);
        Http.Reponse refus = http.postJson("/api/dossiers", tardif, Map.of());
        assertThat(refus.statut()).isEqualTo(422);
        assertThat(refus.json().get("erreurs").get(0).get("message").asText()).contains("30/03/2033 à 23h59");
        parcours.executerJobs(v1);
        assertThat(jdbc.sql("select etat from vague where code = ?").param(v1).query(String.class).single()).isEqualTo("CLOSE");
        assertThat(jdbc.sql("select vague from dossier where numero = ?").param(enRetard).query(String.class).single()).isEqualTo(v2);

        Map<String, String> d1 = new LinkedHashMap<>();
        d1.put(a, "LAUREAT");
        d1.put(b, "LAUREAT");
        d1.put(c, "AJOURNE");
        parcours.deliberer(v1, d1, true);
        assertThat(parcours.publier(v1)).isNull();
        verifierCompteurs(depart, 2, 2 * 150_000L);
        assertThat(parcours.statut(c)).isEqualTo("AJOURNE");
        assertThat(jdbc.sql("select vague from dossier where numero = ?").param(c).query(String.class).single()).isEqualTo(v2);
        assertThat(jdbc.sql("select etat from vague where code = ?").param(v1).query(String.class).single()).isEqualTo("DELIBEREE");
        // The job executor (run by hand here) continues each dossier's process after the publication.
        d1.keySet().forEach(parcours::executerJobs);
        assertThat(parcours.statut(a)).isEqualTo("LAUREAT");

        // Wave 2: the carried dossier is instructed, a new one too; the adjourned one comes back.
        parcours.instruire(enRetard);
        String d = parcours.deposer(v2, "HORS_GRANDS_CENTRES");
        parcours.instruire(d);
        aller(LocalDate.of(2033, 7, 1));
        parcours.executerJobs(v2);
        Map<String, String> d2 = new LinkedHashMap<>();
        d2.put(c, "LAUREAT");
        d2.put(enRetard, "REFUSE");
        d2.put(d, "LAUREAT");
        parcours.deliberer(v2, d2, true);
        assertThat(parcours.publier(v2)).isNull();
        d2.keySet().forEach(parcours::executerJobs);
        verifierCompteurs(depart, 4, 4 * 150_000L);
        assertThat(parcours.statut(enRetard)).isEqualTo("REFUSE");

        // Laureate « a » never signs: 60 days after its convention, the grant lapses and gives its place back.
        aller(LocalDate.of(2033, 7, 2));
        parcours.executerJobs(a);
        assertThat(parcours.statut(a)).isEqualTo("CADUC");
        verifierCompteurs(depart, 3, 3 * 150_000L);

        // Wave 3: only one place left in the category; two laureates proposed → refused with the numbers, then corrected.
        String e = parcours.deposer(v3, "HORS_GRANDS_CENTRES");
        String f = parcours.deposer(v3, "HORS_GRANDS_CENTRES");
        parcours.instruire(e);
        parcours.instruire(f);
        Programme avant = programmes.lire();
        int aCeder = avant.placesRestantes(Categorie.HORS_GRANDS_CENTRES) - 1;
        reequilibrer.reequilibrer(Categorie.HORS_GRANDS_CENTRES, Categorie.QPV, aCeder, "Rejeu : resserrer le quota pour la vague 3", "gestionnaire");
        assertThat(programmes.lire().placesRestantes(Categorie.HORS_GRANDS_CENTRES)).isEqualTo(1);
        aller(LocalDate.of(2033, 10, 1));
        parcours.executerJobs(v3);
        Map<String, String> d3 = new LinkedHashMap<>();
        d3.put(e, "LAUREAT");
        d3.put(f, "LAUREAT");
        parcours.deliberer(v3, d3, true);
        String message = parcours.publier(v3);
        assertThat(message).contains("HORS_GRANDS_CENTRES").contains("+ 2").contains("quota de " + programmes.lire().quotas().get(Categorie.HORS_GRANDS_CENTRES));
        verifierCompteurs(depart, 3, 3 * 150_000L);
        parcours.completer(v3, "UserTask_ArreterDecisions", "gestionnaire", Map.of("decisionsArretees", "false",
                "commentaireArret", "Une seule place : départagez les deux dossiers"));
        d3.put(f, "AJOURNE");
        parcours.deciderTaches(v3, Map.of(e, "LAUREAT", f, "AJOURNE"));
        assertThat(parcours.publier(v3)).isNull();
        verifierCompteurs(depart, 4, 4 * 150_000L);
        assertThat(programmes.lire().placesRestantes(Categorie.HORS_GRANDS_CENTRES)).isZero();
        // The adjourned dossier goes to the next wave, created for it since none was planned.
        String suivante = jdbc.sql("select vague from dossier where numero = ?").param(f).query(String.class).single();
        assertThat(suivante).isEqualTo("FDT-2033-12");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(suivante).count()).isEqualTo(1);
        // The applicant reads the decision and its motivation.
        assertThat(jdbc.sql("select count(*) from evenement_dossier e join dossier d on d.id = e.dossier_id where d.numero = ? "
                + "and e.type = 'DECISION_COMITE' and e.visible_porteur").param(enRetard).query(Long.class).single()).isEqualTo(1);
    }
}
