package fr.gouv.fabriques.integration;

import static fr.gouv.fabriques.integration.Http.basic;
import static fr.gouv.fabriques.integration.Http.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.gouv.fabriques.application.vague.CreerVague;
import fr.gouv.fabriques.essais.PanneHorsApiController;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 9 « Errors leak nothing », through HTTP like a client: control characters refused by
 * field, trailing content and oversized JSON refused, unexpected errors answered with an
 * identifier only, and messages the dossier does not wait for answered with a 409.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ErreursIT {

    /** What no answer may show: SQL, Java classes, the engine's or Jackson's English. */
    static final List<String> INTERNES = List.of("select ", "SELECT", "org.", "java.", "com.fasterxml", "Exception", "PSQL", "Cannot correlate",
            "Trailing token", "\tat ", "table_absente", "secret");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CreerVague creerVague;
    @Autowired
    org.springframework.context.ApplicationContext contexte;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;

    Http http;
    Parcours parcours;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        parcours = Parcours.pour(port, contexte);
    }

    // --- 1. Control characters ------------------------------------------------------------

    @Test
    void unCaractereDeControleDansUnDepotEstRefuseEnNommantLeChampEtRienNEstEcrit() {
        int avant = compte("dossier");
        ObjectNode depot = Depots.valide();
        ((ObjectNode) depot.get("structure")).put("raisonSociale", "Association\u0000La Fabrique");
        ((ObjectNode) depot.get("structure").get("adresse")).put("ligne", "12 rue des Forges\u001b[2J");
        ((com.fasterxml.jackson.databind.node.ArrayNode) depot.get("projet").get("services")).set(1, "ATELIER\u0007PARTAGE");
        Http.Reponse r = http.postJson("/api/dossiers", depot, Map.of());
        assertThat(r.statut()).as(r.corps()).isEqualTo(422);
        assertThat(r.entete("Content-Type")).startsWith("application/problem+json");
        assertThat(erreurs(r)).containsExactlyInAnyOrder(
                "structure.raisonSociale : caractère de contrôle interdit (U+0000) à la position 12",
                "structure.adresse.ligne : caractère de contrôle interdit (U+001B) à la position 18",
                "projet.services[1] : caractère de contrôle interdit (U+0007) à la position 8");
        assertThat(compte("dossier")).isEqualTo(avant);
    }

    @Test
    void unCorpsDansUnAutreJeuDeCaracteresEstVerifieDeMeme() throws Exception {
        ObjectNode depot = Depots.valide();
        ((ObjectNode) depot.get("structure")).put("raisonSociale", "Fabrique de l'Été\u0000");
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/dossiers"))
                .header("Content-Type", "application/json; charset=ISO-8859-1").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Http.texte(depot).getBytes(StandardCharsets.ISO_8859_1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).contains("structure.raisonSociale").contains("(U+0000) à la position 18");
    }

    @Test
    void tabulationEtFinsDeLigneRestentPermises() {
        ObjectNode depot = Depots.valide();
        ((ObjectNode) depot.get("projet")).put("description", "Atelier partagé :\r\n\t- coworking\n\t- médiation numérique");
        Http.Reponse r = http.postJson("/api/dossiers", depot, Map.of());
        assertThat(r.statut()).as(r.corps()).isEqualTo(201);
    }

    @Test
    void unCaractereDeControleEstRefuseDansLesComplementsLesEnvoisMultipartEtLesCorpsDesAgents() {
        String vague = Parcours.codeVague("FDT", 2038);
        creerVague.creer(vague, "FABRIQUES_TERRITOIRE", Parcours.dans(Duration.ofDays(700)), null);
        Parcours.Depot depot = parcours.deposerAvecJeton(vague, "HORS_GRANDS_CENTRES");
        String numero = depot.numero();
        Map<String, String> jeton = bearer(depot.jeton());
        int evenements = compte("evenement_dossier");
        int pieces = compte("piece");

        Http.Reponse r = http.postJson("/api/dossiers/" + numero + "/complements", Map.of("message", "Voici\u0000 les statuts"), jeton);
        assertThat(r.statut()).as(r.corps()).isEqualTo(422);
        assertThat(erreurs(r)).containsExactly("message : caractère de contrôle interdit (U+0000) à la position 6");

        r = http.postMultipart("/api/dossiers/" + numero + "/pieces", List.of(Http.Fichier.pdf("statuts.pdf", numero)),
                Map.of("categorie", "STATUTS\u0000"), jeton);
        assertThat(r.statut()).as(r.corps()).isEqualTo(422);
        assertThat(erreurs(r)).containsExactly("categorie : caractère de contrôle interdit (U+0000) à la position 8");

        r = http.postMultipart("/api/dossiers/" + numero + "/convention/signature",
                List.of(new Http.Fichier("signee.pdf", "application/pdf", Televersements.pdfSigne(numero))),
                Map.of("signataire", "Camille\u0001Martin"), jeton);
        assertThat(r.statut()).as(r.corps()).isEqualTo(422);
        assertThat(erreurs(r)).containsExactly("signataire : caractère de contrôle interdit (U+0001) à la position 8");

        r = http.postMultipart("/api/dossiers/" + numero + "/bilans/1", Map.of("bilanActivite", List.of(Http.Fichier.pdf("b.pdf", numero)),
                "compteRenduFinancier", List.of(Http.Fichier.pdf("c.pdf", numero))), Map.of("commentaire", "Bilan de l'année\u0000"), jeton);
        assertThat(r.statut()).as(r.corps()).isEqualTo(422);
        assertThat(erreurs(r)).containsExactly("commentaire : caractère de contrôle interdit (U+0000) à la position 17");

        r = http.postJson("/api/agents/vagues", Map.of("code", "FDT-2039-\u0000", "appel", "FABRIQUES_TERRITOIRE",
                "dateLimite", "2039-03-30T23:59:59+02:00"), basic("gestionnaire"));
        assertThat(r.statut()).as(r.corps()).isEqualTo(422);
        assertThat(erreurs(r)).containsExactly("code : caractère de contrôle interdit (U+0000) à la position 10");

        r = http.envoyer("PUT", "/api/agents/vagues/" + vague + "/decisions", Http.texte(List.of(Map.of("numero", numero, "decision", "REFUSE",
                "motivation", "Trop\u0008fragile"))), "application/json", basic("comite"));
        assertThat(r.statut()).as(r.corps()).isEqualTo(422);
        assertThat(erreurs(r)).containsExactly("[0].motivation : caractère de contrôle interdit (U+0008) à la position 5");

        // A query string too.
        Map<String, String> csv = new java.util.HashMap<>(basic("financier"));
        csv.put("Accept", "text/csv, application/problem+json");
        r = http.get("/api/agents/versements.csv?du=2027-01-01%00", csv);
        assertThat(r.statut()).as(r.corps()).isEqualTo(422);
        assertThat(erreurs(r)).containsExactly("du : caractère de contrôle interdit (U+0000) à la position 11");

        assertThat(compte("evenement_dossier")).isEqualTo(evenements);
        assertThat(compte("piece")).isEqualTo(pieces);
        assertThat(parcours.statut(numero)).isIn("DEPOSE", "EN_INSTRUCTION");
    }

    // --- 2. Trailing content and size -------------------------------------------------------

    @Test
    void unContenuApresLeJsonDonne400EnFrancais() {
        String depot = Http.texte(Depots.valide());
        for (String fin : List.of(" x", " {}", "]", " \"encore\"", " null")) {
            Http.Reponse r = http.envoyer("POST", "/api/dossiers", depot + fin, "application/json", Map.of());
            assertThat(r.statut()).as(fin + " → " + r.corps()).isEqualTo(400);
            assertThat(r.json().get("title").asText()).isEqualTo("JSON mal formé");
            sansInternes(r);
        }
        Http.Reponse r = http.envoyer("POST", "/api/agents/vagues", "{\"code\": \"FDT-2039-AAAAAA\"} {\"code\": \"autre\"}", "application/json",
                basic("gestionnaire"));
        assertThat(r.statut()).as(r.corps()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).contains("après la fin du JSON");
        sansInternes(r);
    }

    @Test
    void unCorpsJsonTropGrosDonne413EnFrancaisAvecOuSansLongueurAnnoncee() throws Exception {
        int avant = compte("dossier");
        ObjectNode depot = Depots.valide();
        ((ObjectNode) depot.get("projet")).put("description", "x".repeat(300_000));
        Http.Reponse r = http.postJson("/api/dossiers", depot, Map.of());
        assertThat(r.statut()).as(r.corps()).isEqualTo(413);
        assertThat(r.entete("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asText()).contains("256 Ko").contains("rien n'a été enregistré");

        // Sent in chunks, without Content-Length: counted while read.
        HttpResponse<String> morceaux = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/dossiers")).header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(Http.texte(depot).getBytes(StandardCharsets.UTF_8))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(morceaux.statusCode()).as(morceaux.body()).isEqualTo(413);

        // Below the limit, the description's own rule answers.
        ((ObjectNode) depot.get("projet")).put("description", "x".repeat(200_000));
        r = http.postJson("/api/dossiers", depot, Map.of());
        assertThat(r.statut()).as(r.corps()).isEqualTo(422);
        assertThat(compte("dossier")).isEqualTo(avant);
    }

    // --- 3. Unexpected errors ---------------------------------------------------------------

    @Test
    void uneErreurInattendueDonneUn500AvecSonIdentifiantSansRienDeLaCause(CapturedOutput journal) {
        Http.Reponse r = http.get("/api/essais/panne-sql", Map.of());
        assertThat(r.statut()).as(r.corps()).isEqualTo(500);
        assertThat(r.entete("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("title").asText()).isEqualTo("Erreur interne");
        String id = r.json().get("identifiantErreur").asText();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(r.json().get("detail").asText()).contains(id);
        sansInternes(r);
        assertThat(journal.getOut()).contains("Erreur inattendue " + id).contains("table_absente_des_essais").contains("\tat ");
    }

    @Test
    void lAdresseDeSecoursErrorRepondAussiEnFrancaisSansRienDeLaCause(CapturedOutput journal) {
        Http.Reponse r = http.get(PanneHorsApiController.CHEMIN, Map.of());
        assertThat(r.statut()).as(r.corps()).isEqualTo(500);
        assertThat(r.entete("Content-Type")).startsWith("application/problem+json");
        String id = r.json().get("identifiantErreur").asText();
        assertThat(r.json().get("detail").asText()).contains(id);
        sansInternes(r);
        assertThat(journal.getOut()).contains("Erreur inattendue " + id).contains("secret_hors_api");

        Http.Reponse page = http.get(PanneHorsApiController.CHEMIN, Map.of("Accept", "text/html"));
        assertThat(page.statut()).isEqualTo(500);
        assertThat(page.entete("Content-Type")).startsWith("text/html");
        assertThat(page.corps()).contains("Erreur interne").doesNotContain("secret_hors_api").doesNotContain("IllegalStateException");

        Http.Reponse inconnue = http.get("/api/adresse-inconnue", Map.of());
        assertThat(inconnue.statut()).isEqualTo(404);
        assertThat(inconnue.entete("Content-Type")).startsWith("application/problem+json");
        assertThat(inconnue.json().get("title").asText()).isEqualTo("Ressource introuvable");
        sansInternes(inconnue);
    }

    @Test
    void unParametreDeCheminMalFormeNeMontrePasDeTypeJava() {
        Http.Reponse r = http.postJson("/api/dossiers/FDT-2026-0001/bilans/premiere", Map.of("commentaire", "Bilan de l'année"),
                Map.of("Authorization", "Bearer x"));
        assertThat(r.statut()).as(r.corps()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).contains("annee").contains("nombre entier");
        sansInternes(r);
        assertThat(r.corps()).doesNotContain("'int'");
    }

    // --- 4. Messages too early or too late --------------------------------------------------

    @Test
    void unBilanQueLeDossierNAttendPasDonne409EnDisantCeQuIlAttend() {
        String code = Parcours.codeVague("FDT", 2036);
        creerVague.creer(code, "FABRIQUES_TERRITOIRE", Parcours.dans(Duration.ofDays(600)), null);
        String numero = parcours.deposer(code, "HORS_GRANDS_CENTRES");
        parcours.instruire(numero);
        parcours.deliberer(code, Map.of(numero, "LAUREAT"));
        assertThat(parcours.publier(code)).isNull();
        parcours.executerJobs(numero);
        parcours.signerParLePorteur(numero);
        parcours.completer(numero, "UserTask_SignerConventionEtat", "gestionnaire", Map.of("signatureEtat", true));
        assertThat(parcours.statut(numero)).isEqualTo("CONVENTIONNE");
        Map<String, String> jeton = bearer(parcours.jeton(numero));
        long id = jdbc.sql("select id from dossier where numero = ?").param(numero).query(Long.class).single();
        int pieces = compte("piece");

        // Before the anniversary: no report is awaited (the engine: « Cannot correlate message 'BilanDepose' »).
        Http.Reponse r = http.postJson("/api/dossiers/" + numero + "/bilans/1", Map.of("commentaire", "Bilan de la première année"), jeton);
        assertThat(r.statut()).as(r.corps()).isEqualTo(409);
        assertThat(r.entete("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asText()).contains("n'attend pas le bilan de l'année 1").contains("« conventionné »")
                .contains("aucun bilan n'est attendu pour l'instant").contains("Rien n'a été enregistré");
        sansInternes(r);
        r = http.postMultipart("/api/dossiers/" + numero + "/bilans/1", Map.of("bilanActivite", List.of(Http.Fichier.pdf("b.pdf", numero)),
                "compteRenduFinancier", List.of(Http.Fichier.pdf("c.pdf", numero))), Map.of("commentaire", "Bilan de la première année"), jeton);
        assertThat(r.statut()).as(r.corps()).isEqualTo(409);
        assertThat(compte("piece")).as("les pièces du bilan refusé ne restent pas").isEqualTo(pieces);
        assertThat(jdbc.sql("select count(*) from bilan where dossier_id = ?").param(id).query(Integer.class).single()).isZero();

        // Year 2 falls due: the year-1 report is awaited, not the year-2 one.
        parcours.ordonnancerEtValider(numero);
        for (var j : management.createJobQuery().activityId("TimerEvent_EcheanceVersement").list()) {
            if (numero.equals(runtime.createProcessInstanceQuery().processInstanceId(j.getProcessInstanceId()).singleResult().getBusinessKey())) {
                management.executeJob(j.getId());
            }
        }
        r = http.postJson("/api/dossiers/" + numero + "/bilans/2", Map.of("commentaire", "Bilan de la deuxième année"), jeton);
        assertThat(r.statut()).as(r.corps()).isEqualTo(409);
        assertThat(r.json().get("detail").asText()).contains("n'attend pas le bilan de l'année 2").contains("celui de l'année 1");
        sansInternes(r);
        // The refusal left the dossier as it was: the awaited report goes through.
        r = http.postJson("/api/dossiers/" + numero + "/bilans/1", Map.of("commentaire", "Bilan de la première année"), jeton);
        assertThat(r.statut()).as(r.corps()).isEqualTo(202);

        // The signature and complements outside their step: 409 too, saying the status.
        r = http.postMultipart("/api/dossiers/" + numero + "/convention/signature",
                List.of(new Http.Fichier("signee.pdf", "application/pdf", Televersements.pdfSigne("encore " + numero))),
                Map.of("signataire", "Camille Martin, présidente"), jeton);
        assertThat(r.statut()).as(r.corps()).isEqualTo(409);
        assertThat(r.json().get("detail").asText()).contains("conventionné");
        r = http.postJson("/api/dossiers/" + numero + "/complements", Map.of("message", "Voici les statuts"), jeton);
        assertThat(r.statut()).as(r.corps()).isEqualTo(409);
        assertThat(r.json().get("detail").asText()).contains("conventionné");
    }

    @Test
    void uneClotureQueLeComiteNAttendPasDonne409() {
        // A wave recorded without its committee process (as after an import): the engine has no one to deliver the message to.
        String code = Parcours.codeVague("FDT", 2039);
        jdbc.sql("insert into vague (code, appel, date_limite, etat) values (?, 'FABRIQUES_TERRITOIRE', now() + interval '300 days', 'OUVERTE')")
                .param(code).update();
        Http.Reponse r = http.envoyer("POST", "/api/agents/vagues/" + code + "/cloture", null, null, basic("gestionnaire"));
        assertThat(r.statut()).as(r.corps()).isEqualTo(409);
        assertThat(r.json().get("detail").asText()).contains("n'attend pas de clôture anticipée");
        sansInternes(r);
    }

    // ---------------------------------------------------------------------------------------

    private static List<String> erreurs(Http.Reponse r) {
        List<String> e = new ArrayList<>();
        JsonNode liste = r.json().get("erreurs");
        assertThat(liste).as(r.corps()).isNotNull();
        liste.forEach(n -> e.add(n.get("champ").asText() + " : " + n.get("message").asText()));
        return e;
    }

    static void sansInternes(Http.Reponse r) {
        for (String interne : INTERNES) {
            assertThat(r.corps()).as("« " + interne + " » dans " + r.corps()).doesNotContain(interne);
        }
    }

    private int compte(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }
}
