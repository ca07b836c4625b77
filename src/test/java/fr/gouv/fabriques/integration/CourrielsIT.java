package fr.gouv.fabriques.integration;

import static fr.gouv.fabriques.integration.Http.basic;
import static fr.gouv.fabriques.integration.Http.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.gouv.fabriques.application.notification.EnvoyerCourriels;
import fr.gouv.fabriques.application.notification.NotificationsProperties;
import fr.gouv.fabriques.application.port.BoiteEnvoi;
import fr.gouv.fabriques.application.port.Messagerie;
import fr.gouv.fabriques.courriel.ServeurSmtpLocal;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The applicants' mails, end to end: steps taken over HTTP and /engine-rest, the outbox in
 * PostgreSQL, the sender, and a real SMTP server on 127.0.0.1 (the in-process one). Each
 * test's dossier has its own contact address, so that the mails it counts are its own.
 * The scheduled sender is off: the tests send with {@link EnvoyerCourriels#envoyerEnAttente()}.
 */
@IntegrationTest
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class CourrielsIT {

    @LocalServerPort
    int port;
    @Autowired
    EnvoyerCourriels envoyeur;
    @Autowired
    ServeurSmtpLocal smtp;
    @Autowired
    BoiteEnvoi boite;
    @Autowired
    Messagerie messagerie;
    @Autowired
    Clock horloge;
    @Autowired
    NotificationsProperties proprietes;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    PlatformTransactionManager transactions;

    Http http;
    String numero;
    String email;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void leDepotDonneUnSeulAccuseDeReceptionAvecLeNumero(org.springframework.boot.test.system.CapturedOutput journal) throws Exception {
        deposer();
        assertThat(etatCourriel("DEPOT")).isEqualTo("A_ENVOYER");

        assertThat(envoyeur.envoyerEnAttente()).isPositive();
        // The application's log says where the mail went without giving the applicant's address.
        assertThat(journal.getOut()).contains("envoyé à " + email.charAt(0) + "***@").doesNotContain(email);

        // The deposit's acknowledgement, once; beside it, the eligibility's « recevable » (same transaction, doc/adr/0022).
        List<MimeMessage> recus = courriersDuDepot();
        assertThat(recus).hasSize(1);
        MimeMessage m = recus.get(0);
        assertThat(courriersRecus()).hasSize(2);
        assertThat(texte(m)).contains(numero).contains("Association La Fabrique du Val").contains("Camille Martin")
                .contains("/api/dossiers/" + numero);
        Map<String, Object> ligne = ligne("DEPOT");
        assertThat(ligne.get("etat")).isEqualTo("ENVOYE");
        assertThat(ligne.get("tentatives")).isEqualTo(1);
        assertThat(ligne.get("envoye_le")).isNotNull();
        assertThat(m.getMessageID()).isEqualTo(ligne.get("message_id"));

        envoyeur.envoyerEnAttente();
        assertThat(courriersRecus()).as("envoyer à nouveau ne renvoie rien").hasSize(2);

        // The copy a person reads in the local run.
        try (Stream<Path> fichiers = Files.list(smtp.repertoire())) {
            assertThat(fichiers.filter(f -> f.getFileName().toString().endsWith(email + ".eml")).map(CourrielsIT::lire)
                    .filter(t -> t.contains("Message-ID: " + ligne.get("message_id")))).singleElement().asString().contains(numero);
        }
    }

    @Test
    void laDemandeDeComplementsDonneExactementUnCourrielDePlusAvecLesPieces() throws Exception {
        deposer();
        executerJobs();
        envoyeur.envoyerEnAttente();
        assertThat(courriersRecus()).extracting(MimeMessage::getSubject).containsExactly(
                "Votre dossier " + numero + " a bien été déposé", "Dossier " + numero + " recevable : l'instruction commence");

        soumettre("instructeur", "UserTask_VerifierCompletude", "complet", "false", "piecesManquantes", "RIB et statuts signés");
        envoyeur.envoyerEnAttente();
        envoyeur.envoyerEnAttente();

        List<MimeMessage> recus = courriersRecus();
        assertThat(recus).hasSize(3);
        MimeMessage demande = recus.get(2);
        assertThat(demande.getSubject()).isEqualTo("Pièces complémentaires demandées — dossier " + numero);
        assertThat(texte(demande)).contains("RIB et statuts signés").contains("/api/dossiers/" + numero + "/complements");
        // One mail per step the applicant sees, none for the others.
        assertThat(jdbc.sql("select count(*) from notification n join dossier d on d.id = n.dossier_id where d.numero = ?")
                .param(numero).query(Integer.class).single())
                .isEqualTo(jdbc.sql("select count(*) from evenement_dossier e join dossier d on d.id = e.dossier_id "
                        + "where d.numero = ? and e.visible_porteur").param(numero).query(Integer.class).single())
                .isEqualTo(3);
    }

    @Test
    void serveurSmtpArreteLeCourrielAttendAvecSaTentativePuisPartUneFoisLeServeurRevenu() throws Exception {
        deposer();
        smtp.arreter();
        try {
            envoyeur.envoyerEnAttente();
            Map<String, Object> ligne = ligne("DEPOT");
            assertThat(ligne.get("etat")).isEqualTo("A_ENVOYER");
            assertThat(ligne.get("tentatives")).isEqualTo(1);
            assertThat((String) ligne.get("derniere_erreur")).contains("serveur SMTP");
            assertThat(((java.sql.Timestamp) ligne.get("prochaine_tentative")).toInstant())
                    .isAfter(((java.sql.Timestamp) ligne.get("cree_le")).toInstant());
        } finally {
            smtp.demarrer();
        }
        envoyeur.envoyerEnAttente();
        assertThat(courriersRecus()).as("pas avant la prochaine tentative").isEmpty();

        EnvoyerCourriels plusTard = new EnvoyerCourriels(boite, messagerie, Clock.offset(horloge, proprietes.delaiRelanceInitial()),
                proprietes);
        plusTard.envoyerEnAttente();
        plusTard.envoyerEnAttente();

        assertThat(courriersDuDepot()).hasSize(1);
        assertThat(ligne("DEPOT").get("etat")).isEqualTo("ENVOYE");
        assertThat(ligne("DEPOT").get("tentatives")).isEqualTo(2);
    }

    @Test
    void uneCompletudeRefuseeNeLaissePasDeCourriel() throws Exception {
        deposer();
        executerJobs();
        String tache = tache("instructeur", "UserTask_VerifierCompletude");

        // Refused by the use case (400): nothing written.
        Http.Reponse refus = http.postJson("/engine-rest/task/" + tache + "/submit-form",
                variables("complet", "false", "piecesManquantes", "ab"), basic("instructeur"));
        assertThat(refus.statut()).as(refus.corps()).isEqualTo(400);

        // Fails after the step and its mail were written, in the same transaction: both roll back.
        panneAprèsEcriture("DEMANDE_COMPLEMENTS");
        try {
            Http.Reponse panne = http.postJson("/engine-rest/task/" + tache + "/submit-form",
                    variables("complet", "false", "piecesManquantes", "Budget prévisionnel"), basic("instructeur"));
            assertThat(panne.statut()).as(panne.corps()).isEqualTo(500);
        } finally {
            finDePanne();
        }
        assertThat(statut()).isEqualTo("EN_INSTRUCTION");
        assertThat(nombre("evenement_dossier", "DEMANDE_COMPLEMENTS")).isZero();
        assertThat(nombre("notification", "DEMANDE_COMPLEMENTS")).isZero();

        Http.Reponse ok = http.postJson("/engine-rest/task/" + tache + "/submit-form",
                variables("complet", "false", "piecesManquantes", "Budget prévisionnel"), basic("instructeur"));
        assertThat(ok.statut()).as(ok.corps()).isEqualTo(204);
        envoyeur.envoyerEnAttente();
        assertThat(courriersRecus()).extracting(MimeMessage::getSubject)
                .containsOnlyOnce("Pièces complémentaires demandées — dossier " + numero).hasSize(3);
    }

    /**
     * The eligibility step runs in the deposit's transaction (doc/adr/0022): a fault after its mail is written undoes the whole
     * deposit — no dossier, no event, no mail — and the applicant's retry with the same Idempotency-Key gives one dossier and
     * one mail of each kind.
     */
    @Test
    void unDepotQuiEchoueApresLEtapeNeLaisseRienEtSonRejeuNeDonneQuUnCourrielDeChaque() throws Exception {
        ObjectNode depot = Depots.valide();
        email = "porteur-" + depot.get("structure").get("siret").asText() + "@fabrique-test.example";
        ((ObjectNode) depot.get("contact")).put("email", email);
        String cle = "rejeu-" + depot.get("structure").get("siret").asText();
        String siret = depot.get("structure").get("siret").asText();
        long dossiersAvant = jdbc.sql("select count(*) from dossier").query(Long.class).single();

        panneAprèsEcriture("RECEVABILITE");
        Http.Reponse echec;
        try {
            echec = http.postJson("/api/dossiers", depot, Map.of("Idempotency-Key", cle));
        } finally {
            finDePanne();
        }
        assertThat(echec.statut()).as(echec.corps()).isGreaterThanOrEqualTo(500);
        assertThat(echec.corps()).doesNotContain("panne simulée").doesNotContain("notification");
        assertThat(jdbc.sql("select count(*) from dossier").query(Long.class).single()).isEqualTo(dossiersAvant);
        assertThat(jdbc.sql("select count(*) from dossier where siret = ?").param(siret).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from notification where destinataire = ?").param(email).query(Long.class).single()).isZero();

        Http.Reponse r = http.postJson("/api/dossiers", depot, Map.of("Idempotency-Key", cle));
        assertThat(r.statut()).as(r.corps()).isEqualTo(201);
        numero = r.json().get("numero").asText();
        assertThat(statut()).isEqualTo("EN_INSTRUCTION");
        assertThat(http.postJson("/api/dossiers", depot, Map.of("Idempotency-Key", cle)).json().get("numero").asText())
                .as("le rejeu rend le même dossier").isEqualTo(numero);
        envoyeur.envoyerEnAttente();

        assertThat(nombre("evenement_dossier", "RECEVABILITE")).isEqualTo(1);
        assertThat(nombre("notification", "RECEVABILITE")).isEqualTo(1);
        assertThat(courriersRecus()).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder("Votre dossier " + numero + " a bien été déposé",
                "Dossier " + numero + " recevable : l'instruction commence");
    }

    /** At least once: a crash between SMTP acceptance and « sent » resends the mail, as the same message. */
    @Test
    void arretApresAcceptationSmtpLeCourrielEstRenvoyeAvecLeMemeMessageId() throws Exception {
        deposer();
        Messagerie arretApresAcceptation = courriel -> {
            messagerie.envoyer(courriel);
            if (courriel.destinataire().equals(email)) {
                throw new ArretSimule();
            }
        };
        EnvoyerCourriels condamne = new EnvoyerCourriels(boite, arretApresAcceptation, horloge, proprietes);
        assertThatThrownBy(condamne::envoyerEnAttente).isInstanceOf(ArretSimule.class);
        assertThat(courriersRecus()).hasSize(1);
        assertThat(ligne("DEPOT").get("etat")).isEqualTo("EN_COURS");

        envoyeur.envoyerEnAttente();
        assertThat(courriersRecus()).as("réservé jusqu'à la fin du bail").hasSize(1);

        new EnvoyerCourriels(boite, messagerie, Clock.offset(horloge, proprietes.bail()), proprietes).envoyerEnAttente();

        List<MimeMessage> recus = courriersDuDepot();
        assertThat(recus).hasSize(2);
        assertThat(recus.get(1).getMessageID()).isEqualTo(recus.get(0).getMessageID()).isEqualTo(ligne("DEPOT").get("message_id"));
        assertThat(recus.get(1).getSentDate()).isEqualTo(recus.get(0).getSentDate());
        assertThat(ligne("DEPOT").get("etat")).isEqualTo("ENVOYE");
        assertThat(ligne("DEPOT").get("tentatives")).isEqualTo(2);
    }

    /**
     * A batch's mails share one SMTP connection (EnvoyerCourriels, MessagerieSmtp#ouvrirSession); a connection the server dropped
     * meanwhile costs no mail: the next one goes on a new connection. The Message-ID and Date fixed in the outbox are kept.
     */
    @Test
    void uneSessionSmtpSurvitAuServeurQuiACoupeLaConnexion() throws Exception {
        email = "session-" + System.nanoTime() + "@fabrique-test.example";
        Instant date = Instant.parse("2026-03-03T13:05:00Z");
        try (Messagerie.Session session = messagerie.ouvrirSession()) {
            session.envoyer(new Messagerie.Courriel(email, "Premier", "Un", "<premier." + email + ">", date, "FDT-TEST-1"));
            session.envoyer(new Messagerie.Courriel(email, "Deuxième", "Deux", "<deuxieme." + email + ">", date, "FDT-TEST-1"));
            // The server restarts (same port): the kept connection is dead.
            smtp.arreter();
            smtp.demarrer();
            session.envoyer(new Messagerie.Courriel(email, "Troisième", "Trois", "<troisieme." + email + ">", date, "FDT-TEST-1"));
        }
        List<MimeMessage> recus = courriersRecus();
        assertThat(recus).extracting(MimeMessage::getSubject).containsExactly("Troisième");
        assertThat(recus.get(0).getMessageID()).isEqualTo("<troisieme." + email + ">");
        assertThat(recus.get(0).getSentDate()).isEqualTo(java.util.Date.from(date));
        try (Stream<Path> fichiers = Files.list(smtp.repertoire())) {
            assertThat(fichiers.filter(f -> f.getFileName().toString().endsWith(email + ".eml"))).as("une copie lisible par courriel").hasSize(3);
        }

        smtp.arreter();
        try (Messagerie.Session session = messagerie.ouvrirSession()) {
            assertThatThrownBy(() -> session.envoyer(new Messagerie.Courriel(email, "Quatrième", "Quatre", "<quatrieme." + email + ">", date,
                    "FDT-TEST-1"))).isInstanceOf(Messagerie.EchecEnvoi.class).hasMessageContaining("serveur SMTP");
        } finally {
            smtp.demarrer();
        }
    }

    /** Several nodes: a mail another sender holds is skipped, not waited for, and not taken twice. */
    @Test
    void unCourrielVerrouilleParUnAutreEnvoyeurEstSauteSansAttendre() throws Exception {
        deposer();
        long id = ((Number) ligne("DEPOT").get("id")).longValue();
        CountDownLatch verrouille = new CountDownLatch(1);
        CountDownLatch relacher = new CountDownLatch(1);
        CompletableFuture<Void> autreEnvoyeur = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
            jdbc.sql("select id from notification where id = ? for update").param(id).query(Long.class).single();
            verrouille.countDown();
            try {
                relacher.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            assertThat(verrouille.await(30, TimeUnit.SECONDS)).isTrue();
            Instant maintenant = horloge.instant();
            List<BoiteEnvoi.CourrielReserve> reserves = CompletableFuture
                    .supplyAsync(() -> boite.reserver(1000, maintenant, maintenant.plus(proprietes.bail())))
                    .get(30, TimeUnit.SECONDS);
            assertThat(reserves).extracting(BoiteEnvoi.CourrielReserve::id).doesNotContain(id);
            assertThat(ligne("DEPOT").get("etat")).isEqualTo("A_ENVOYER");
        } finally {
            relacher.countDown();
            autreEnvoyeur.get(30, TimeUnit.SECONDS);
        }
        Instant maintenant = horloge.instant();
        assertThat(boite.reserver(1000, maintenant, maintenant.plus(proprietes.bail())))
                .extracting(BoiteEnvoi.CourrielReserve::id).contains(id);
        assertThat(boite.reserver(1000, maintenant, maintenant.plus(proprietes.bail())))
                .as("une fois réservé, il n'est pas repris avant la fin du bail").extracting(BoiteEnvoi.CourrielReserve::id).doesNotContain(id);
    }

    // --- helpers -------------------------------------------------------------------------

    static final class ArretSimule extends Error {
        ArretSimule() {
            super("arrêt simulé de l'application entre l'acceptation SMTP et l'enregistrement de l'envoi");
        }
    }

    private void deposer() {
        ObjectNode depot = Depots.valide();
        email = "porteur-" + depot.get("structure").get("siret").asText() + "@fabrique-test.example";
        ((ObjectNode) depot.get("contact")).put("email", email);
        Http.Reponse r = http.postJson("/api/dossiers", depot, Map.of());
        assertThat(r.statut()).as(r.corps()).isEqualTo(201);
        numero = r.json().get("numero").asText();
    }

    /** The deposit's acknowledgements received (the eligibility's « recevable » left out). */
    private List<MimeMessage> courriersDuDepot() {
        return courriersRecus().stream().filter(m -> {
            try {
                return ("Votre dossier " + numero + " a bien été déposé").equals(m.getSubject());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private List<MimeMessage> courriersRecus() {
        return smtp.messagesRecus().stream().filter(m -> {
            try {
                Address[] a = m.getAllRecipients();
                return a != null && Stream.of(a).anyMatch(x -> ((InternetAddress) x).getAddress().equals(email));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String texte(MimeMessage m) throws IOException, MessagingException {
        return ((String) m.getContent()).replace("\r\n", "\n");
    }

    private static String lire(Path fichier) {
        try {
            return Files.readString(fichier, java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Map<String, Object> ligne(String type) {
        return jdbc.sql("select n.* from notification n join dossier d on d.id = n.dossier_id where d.numero = ? and n.type = ?")
                .param(numero).param(type).query().singleRow();
    }

    private String etatCourriel(String type) {
        return (String) ligne(type).get("etat");
    }

    private int nombre(String table, String type) {
        return jdbc.sql("select count(*) from " + table + " t join dossier d on d.id = t.dossier_id where d.numero = ? and t.type = ?")
                .param(numero).param(type).query(Integer.class).single();
    }

    private String statut() {
        return jdbc.sql("select statut from dossier where numero = ?").param(numero).query(String.class).single();
    }

    /** A fault right after this dossier's mail of that step is written, inside the step's transaction. */
    private void panneAprèsEcriture(String type) {
        jdbc.sql("""
                create or replace function panne_test_notification() returns trigger language plpgsql as $$
                begin
                  if new.destinataire = '%s' and new.type = '%s' then
                    raise exception 'panne simulée après l''écriture de l''étape';
                  end if;
                  return new;
                end $$""".formatted(email, type)).update();
        jdbc.sql("create trigger panne_test_notification after insert on notification for each row execute function panne_test_notification()")
                .update();
    }

    private void finDePanne() {
        jdbc.sql("drop trigger if exists panne_test_notification on notification").update();
        jdbc.sql("drop function if exists panne_test_notification()").update();
    }

    private List<Job> jobs() {
        var pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(numero).list();
        return pi.stream().flatMap(p -> management.createJobQuery().processInstanceId(p.getId()).list().stream()).toList();
    }

    private void executerJobs() {
        List<Job> dus;
        while (!(dus = jobs().stream().filter(j -> j.getDuedate() == null || !j.getDuedate().after(new java.util.Date())).toList()).isEmpty()) {
            dus.forEach(j -> management.executeJob(j.getId()));
        }
    }

    private String tache(String utilisateur, String cle) {
        Http.Reponse r = http.get("/engine-rest/task?processInstanceBusinessKey=" + numero + "&taskDefinitionKey=" + cle, basic(utilisateur));
        assertThat(r.statut()).as(r.corps()).isEqualTo(200);
        assertThat(r.json()).as(utilisateur + " voit " + cle).hasSize(1);
        String id = r.json().get(0).get("id").asText();
        Http.Reponse claim = http.postJson("/engine-rest/task/" + id + "/claim", Map.of("userId", utilisateur), basic(utilisateur));
        assertThat(claim.statut()).as(claim.corps()).isEqualTo(204);
        return id;
    }

    private void soumettre(String utilisateur, String cle, Object... valeurs) {
        String id = tache(utilisateur, cle);
        Http.Reponse r = http.postJson("/engine-rest/task/" + id + "/submit-form", variables(valeurs), basic(utilisateur));
        assertThat(r.statut()).as(cle + " : " + r.corps()).isEqualTo(204);
        executerJobs();
    }
}
