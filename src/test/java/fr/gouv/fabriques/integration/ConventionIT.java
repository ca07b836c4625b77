package fr.gouv.fabriques.integration;

import static fr.gouv.fabriques.integration.Http.basic;
import static fr.gouv.fabriques.integration.Http.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gouv.fabriques.application.comite.ReequilibrerQuotas;
import fr.gouv.fabriques.application.convention.GenererConvention;
import fr.gouv.fabriques.application.port.ProgrammeRepository;
import fr.gouv.fabriques.application.vague.CreerVague;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.FichierConvention;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The convention as a PDF, end to end: drawn when the laureate is designated, downloaded by the
 * laureate (with his token only) and by agents with the bytes and hash stored; the signed copy
 * uploaded in multipart, stored, and linked with the drawn one in the State's signing task.
 */
@IntegrationTest
class ConventionIT {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService taches;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identite;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CreerVague creerVague;
    @Autowired
    GenererConvention genererConvention;
    @Autowired
    ProgrammeRepository programmes;
    @Autowired
    ReequilibrerQuotas reequilibrer;

    Http http;
    Televersements fichiers;
    Parcours parcours;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        fichiers = new Televersements(port);
        parcours = new Parcours(http, runtime, taches, management, identite, jdbc);
    }

    /**
     * Quotas are not what is tested here, and other tests of the shared database may have filled
     * the category: move places from a category that has some, as a programme manager would.
     */
    private void placesPour(Categorie categorie, int nombre) {
        int manque = nombre - programmes.lire().placesRestantes(categorie);
        if (manque > 0) {
            Categorie autre = java.util.Arrays.stream(Categorie.values())
                    .filter(c -> c != categorie && programmes.lire().placesRestantes(c) >= manque).findFirst().orElseThrow();
            reequilibrer.reequilibrer(autre, categorie, manque, "Places pour les lauréats de ConventionIT", "gestionnaire");
        }
    }

    /** Laureates of a wave of their own, brought through instruction, committee and publication. */
    private Map<String, Parcours.Depot> laureats(String appel, String categorie, int nombre) {
        String prefixe = "FABRIQUES_NUMERIQUES".equals(appel) ? "FNT" : "FDT";
        String vague = Parcours.codeVague(prefixe, 2032);
        creerVague.creer(vague, appel, Instant.now().plus(Duration.ofDays(300)), null);
        Map<String, Parcours.Depot> depots = new LinkedHashMap<>();
        Map<String, String> decisions = new LinkedHashMap<>();
        for (int i = 0; i < nombre; i++) {
            Parcours.Depot d = parcours.deposerAvecJeton(vague, categorie);
            parcours.instruire(d.numero());
            depots.put(d.numero(), d);
            decisions.put(d.numero(), "LAUREAT");
        }
        parcours.deliberer(vague, decisions);
        placesPour(Categorie.valueOf(categorie), nombre);
        assertThat(parcours.publier(vague)).isNull();
        depots.keySet().forEach(n -> {
            parcours.executerJobs(n);
            assertThat(parcours.statut(n)).isEqualTo("LAUREAT");
        });
        return depots;
    }

    private String shaEnBase(String numero, String nature) {
        return jdbc.sql("select c.sha256 from document_convention c join dossier d on d.id = c.dossier_id where d.numero = ? and c.nature = ?")
                .param(numero).param(nature).query(String.class).single();
    }

    private static String texte(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            return s.getText(d).replace('\u00a0', ' ').replaceAll("\\s+", " ");
        }
    }

    private static void verifierTelechargement(Http.ReponseOctets t, String nom, String sha256) {
        assertThat(t.statut()).as(t.texte()).isEqualTo(200);
        assertThat(t.entete("Content-Type")).isEqualTo("application/pdf");
        assertThat(t.entete("Content-Disposition")).isEqualTo("attachment; filename=\"" + nom + "\"");
        assertThat(t.entete("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(t.entete("ETag")).isEqualTo("\"" + sha256 + "\"");
        assertThat(t.entete("Repr-Digest")).isEqualTo("sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)) + ":");
        assertThat(FichierConvention.sha256(t.corps())).isEqualTo(sha256);
        assertThat(new String(t.corps(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void laConventionEtablieSeTelechargeParSonPorteurSeulEtParLesAgentsOctetPourOctet() throws IOException {
        var laureats = laureats("FABRIQUES_TERRITOIRE", "HORS_GRANDS_CENTRES", 2);
        var iter = laureats.values().iterator();
        Parcours.Depot a = iter.next();
        Parcours.Depot b = iter.next();
        String sha = shaEnBase(a.numero(), "GENEREE");

        Http.ReponseOctets pdf = fichiers.get("/api/dossiers/" + a.numero() + "/convention", bearer(a.jeton()));
        verifierTelechargement(pdf, "convention-" + a.numero() + ".pdf", sha);
        String siret = jdbc.sql("select siret from dossier where numero = ?").param(a.numero()).query(String.class).single();
        assertThat(texte(pdf.corps())).contains("CONV-" + a.numero()).contains("Association La Fabrique du Val, association, SIRET " + siret)
                .contains("Année 1 50 000 €").contains("Année 2 50 000 €").contains("Année 3 50 000 €")
                .contains("Total sur trois ans 150 000 €").doesNotContain("soutien complémentaire");

        JsonNode vue = http.get("/api/dossiers/" + a.numero(), bearer(a.jeton())).json();
        assertThat(vue.get("convention").get("sha256").asText()).isEqualTo(sha);
        assertThat(vue.get("convention").get("telechargement").asText()).isEqualTo("/api/dossiers/" + a.numero() + "/convention");
        assertThat(vue.get("convention").get("taille").asLong()).isEqualTo(pdf.corps().length);
        assertThat(vue.get("conventionSignee").isNull()).isTrue();

        // A client holding the hash revalidates without downloading again.
        Map<String, String> conditionnel = new LinkedHashMap<>(bearer(a.jeton()));
        conditionnel.put("If-None-Match", "\"" + sha + "\"");
        assertThat(fichiers.get("/api/dossiers/" + a.numero() + "/convention", conditionnel).statut()).isEqualTo(304);

        // Token isolation: another laureate's token opens nothing of this one, and says nothing.
        Http.ReponseOctets autre = fichiers.get("/api/dossiers/" + b.numero() + "/convention", bearer(a.jeton()));
        assertThat(autre.statut()).isEqualTo(404);
        assertThat(autre.entete("Content-Type")).startsWith("application/problem+json");
        assertThat(autre.texte()).contains("Dossier introuvable").doesNotContain("%PDF");
        Http.ReponseOctets sansJeton = fichiers.get("/api/dossiers/" + a.numero() + "/convention", Map.of());
        assertThat(sansJeton.statut()).isEqualTo(401);
        assertThat(sansJeton.entete("WWW-Authenticate")).startsWith("Bearer");
        Http.ReponseOctets sienne = fichiers.get("/api/dossiers/" + b.numero() + "/convention", bearer(b.jeton()));
        verifierTelechargement(sienne, "convention-" + b.numero() + ".pdf", shaEnBase(b.numero(), "GENEREE"));
        assertThat(shaEnBase(b.numero(), "GENEREE")).isNotEqualTo(sha);

        // Agents: the same bytes, for the groups that follow a convention only.
        for (String agent : new String[] {"gestionnaire", "instructeur", "financier", "comite", "admin"}) {
            verifierTelechargement(fichiers.get("/api/agents/dossiers/" + a.numero() + "/convention", basic(agent)),
                    "convention-" + a.numero() + ".pdf", sha);
        }
        assertThat(Arrays.equals(fichiers.get("/api/agents/dossiers/" + a.numero() + "/convention", basic("gestionnaire")).corps(),
                pdf.corps())).isTrue();
        assertThat(fichiers.get("/api/agents/dossiers/" + a.numero() + "/convention", basic("referent-58")).statut()).isEqualTo(403);
        assertThat(fichiers.get("/api/agents/dossiers/" + a.numero() + "/convention", basic("analyste")).statut()).isEqualTo(403);
        assertThat(fichiers.get("/api/agents/dossiers/" + a.numero() + "/convention", Map.of()).statut()).isEqualTo(401);
        Http.ReponseOctets pasSignee = fichiers.get("/api/agents/dossiers/" + a.numero() + "/convention/signee", basic("gestionnaire"));
        assertThat(pasSignee.statut()).isEqualTo(404);
        assertThat(pasSignee.texte()).contains("n'a pas encore déposé la convention signée");
        assertThat(fichiers.get("/api/agents/dossiers/FDT-1999-0001/convention", basic("gestionnaire")).statut()).isEqualTo(404);

        // « Établir la convention » run again (a retried job): still one document, the same one.
        long id = jdbc.sql("select id from dossier where numero = ?").param(a.numero()).query(Long.class).single();
        genererConvention.generer(id);
        assertThat(jdbc.sql("select count(*) from document_convention where dossier_id = ?").param(id).query(Integer.class).single()).isEqualTo(1);
        assertThat(shaEnBase(a.numero(), "GENEREE")).isEqualTo(sha);
        assertThat(jdbc.sql("select count(*) from evenement_dossier where dossier_id = ? and type = 'CONVENTION_GENEREE'").param(id)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void laConventionDUneFabriqueNumeriqueAnnonceLeSoutienComplementaireDe100000Euros() throws IOException {
        Parcours.Depot n = laureats("FABRIQUES_NUMERIQUES", "NUMERIQUE_QPV", 1).values().iterator().next();
        Http.ReponseOctets pdf = fichiers.get("/api/dossiers/" + n.numero() + "/convention", bearer(n.jeton()));
        verifierTelechargement(pdf, "convention-" + n.numero() + ".pdf", shaEnBase(n.numero(), "GENEREE"));
        assertThat(texte(pdf.corps())).contains("Fabrique numérique de territoire (QPV)").contains("Total sur trois ans 150 000 €")
                .contains("soutien complémentaire de 100 000 €").contains("L'aide totale de l'État s'élève ainsi à 250 000 €")
                .contains("année 1 : 150 000 €");
        assertThat(http.get("/api/dossiers/" + n.numero(), bearer(n.jeton())).json().get("supplementNumerique").asInt()).isEqualTo(100_000);
    }

    @Test
    void lePorteurDeposeLaConventionSigneeEnMultipartEtLEtatVoitLesDeuxDocuments() throws IOException {
        Parcours.Depot a = laureats("FABRIQUES_TERRITOIRE", "QPV", 1).values().iterator().next();
        String chemin = "/api/dossiers/" + a.numero() + "/convention/signature";

        Http.Reponse json = http.postJson(chemin, Map.of("signataire", "Camille Martin, présidente"), bearer(a.jeton()));
        assertThat(json.statut()).isEqualTo(415);
        assertThat(json.json().get("detail").asText()).contains("multipart/form-data").contains("« fichier »").contains("« signataire »")
                .contains("application/json");
        assertThat(json.entete("Accept-Post")).isEqualTo("multipart/form-data");

        byte[] signe = Televersements.pdfSigne("Lu et approuvé, Camille Martin, présidente");
        Map<String, String> signataire = Map.of("signataire", "Camille Martin, présidente");
        assertThat(fichiers.multipart(chemin, new Televersements.Fichier("fichier", "signee.pdf", "application/pdf", signe), signataire,
                Map.of()).statut()).isEqualTo(401);
        assertThat(fichiers.multipart(chemin, new Televersements.Fichier("fichier", "signee.pdf", "application/pdf", signe), signataire,
                bearer("jeton-inconnu")).statut()).isEqualTo(404);

        Http.Reponse invalide = fichiers.multipart(chemin,
                new Televersements.Fichier("fichier", "signee.pdf", "application/pdf", "<html>pas un pdf</html>".getBytes()),
                Map.of("signataire", "CM"), bearer(a.jeton()));
        assertThat(invalide.statut()).isEqualTo(422);
        assertThat(invalide.json().get("erreurs").toString()).contains("signataire").contains("n'est pas un PDF");
        Http.Reponse sansFichier = fichiers.multipart(chemin, null, signataire, bearer(a.jeton()));
        assertThat(sansFichier.statut()).isEqualTo(422);
        assertThat(sansFichier.json().get("erreurs").get(0).get("champ").asText()).isEqualTo("fichier");

        byte[] etablie = fichiers.get("/api/dossiers/" + a.numero() + "/convention", bearer(a.jeton())).corps();
        Http.Reponse nonSignee = fichiers.multipart(chemin, new Televersements.Fichier("fichier", "convention.pdf", "application/pdf", etablie),
                signataire, bearer(a.jeton()));
        assertThat(nonSignee.statut()).isEqualTo(422);
        assertThat(nonSignee.corps()).contains("sans signature");

        byte[] tropGros = Arrays.copyOf(signe, FichierConvention.TAILLE_MAX + 1);
        Http.Reponse gros = fichiers.multipart(chemin, new Televersements.Fichier("fichier", "scan.pdf", "application/pdf", tropGros),
                signataire, bearer(a.jeton()));
        assertThat(gros.statut()).isEqualTo(413);
        assertThat(parcours.statut(a.numero())).isEqualTo("LAUREAT");
        assertThat(jdbc.sql("select count(*) from document_convention c join dossier d on d.id = c.dossier_id where d.numero = ?")
                .param(a.numero()).query(Integer.class).single()).isEqualTo(1);

        // The declared type is not what counts: the content is a PDF.
        Http.Reponse ok = fichiers.multipart(chemin, new Televersements.Fichier("fichier", "Convention signée.pdf", "application/octet-stream",
                signe), signataire, bearer(a.jeton()));
        assertThat(ok.statut()).as(ok.corps()).isEqualTo(200);
        String sha = FichierConvention.sha256(signe);
        assertThat(ok.json().get("statut").asText()).isEqualTo("CONVENTION_SIGNEE_PORTEUR");
        assertThat(ok.json().get("conventionSignee").get("sha256").asText()).isEqualTo(sha);
        assertThat(shaEnBase(a.numero(), "SIGNEE_PORTEUR")).isEqualTo(sha);
        assertThat(jdbc.sql("select signataire || ' / ' || nom_original from document_convention c join dossier d on d.id = c.dossier_id "
                + "where d.numero = ? and c.nature = 'SIGNEE_PORTEUR'").param(a.numero()).query(String.class).single())
                .isEqualTo("Camille Martin, présidente / Convention signée.pdf");
        JsonNode vue = http.get("/api/dossiers/" + a.numero(), bearer(a.jeton())).json();
        assertThat(vue.get("statut").asText()).isEqualTo("CONVENTION_SIGNEE_PORTEUR");
        assertThat(vue.get("conventionSignee").get("sha256").asText()).isEqualTo(sha);
        assertThat(vue.get("historique").toString()).contains("Convention signée par le porteur (Camille Martin, présidente)");

        // The State's signatory sees both documents, and gets the very bytes the laureate sent.
        Http.Reponse tache = http.get("/engine-rest/task?processInstanceBusinessKey=" + a.numero()
                + "&taskDefinitionKey=UserTask_SignerConventionEtat", basic("gestionnaire"));
        assertThat(tache.json()).hasSize(1);
        String documents = http.get("/engine-rest/task/" + tache.json().get(0).get("id").asText() + "/form-variables", basic("gestionnaire"))
                .json().get("documentsConvention").get("value").asText();
        assertThat(documents).contains("](/api/agents/dossiers/" + a.numero() + "/convention)")
                .contains("](/api/agents/dossiers/" + a.numero() + "/convention/signee)")
                .contains(shaEnBase(a.numero(), "GENEREE")).contains(sha).contains("Camille Martin, présidente");
        Http.ReponseOctets signee = fichiers.get("/api/agents/dossiers/" + a.numero() + "/convention/signee", basic("gestionnaire"));
        verifierTelechargement(signee, "convention-signee-" + a.numero() + ".pdf", sha);
        assertThat(Arrays.equals(signee.corps(), signe)).isTrue();

        Http.Reponse encore = fichiers.multipart(chemin, new Televersements.Fichier("fichier", "autre.pdf", "application/pdf",
                Televersements.pdfSigne("Autre")), signataire, bearer(a.jeton()));
        assertThat(encore.statut()).isEqualTo(409);
        assertThat(shaEnBase(a.numero(), "SIGNEE_PORTEUR")).isEqualTo(sha);
    }

    @Test
    void leContratOpenApiDecritLeDepotMultipartEtLesTelechargementsPdf() {
        JsonNode api = http.get("/v3/api-docs", Map.of()).json();
        JsonNode signature = api.get("paths").get("/api/dossiers/{numero}/convention/signature").get("post");
        JsonNode formulaire = signature.get("requestBody").get("content").get("multipart/form-data").get("schema");
        assertThat(formulaire.toString()).contains("fichier").contains("binary").contains("signataire");
        assertThat(api.get("paths").get("/api/dossiers/{numero}/convention").get("get").get("responses").get("200").get("content")
                .has("application/pdf")).isTrue();
        assertThat(api.get("paths").has("/api/agents/dossiers/{numero}/convention/signee")).isTrue();
    }
}
