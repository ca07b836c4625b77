package fr.gouv.fabriques.integration;

import static fr.gouv.fabriques.integration.Http.basic;
import static fr.gouv.fabriques.integration.Http.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.gouv.fabriques.integration.Http.Fichier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Attachments over HTTP: the applicant uploads with his token, agents download with HTTP Basic. */
@IntegrationTest
class PiecesIT {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1};
    static final byte[] EXE = "MZ\u0090\u0000\u0003\u0000\u0000\u0000\u0004\u0000This program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    record Depot(String numero, String jeton) {
    }

    private Depot deposer(ObjectNode corps) {
        Http.Reponse r = http.postJson("/api/dossiers", corps, Map.of());
        assertThat(r.statut()).as(r.corps()).isEqualTo(201);
        return new Depot(r.json().get("numero").asText(), r.json().get("jetonAcces").asText());
    }

    private Depot deposer() {
        return deposer(Depots.valide());
    }

    private Http.Reponse joindre(Depot d, Map<String, String> champs, Fichier... fichiers) {
        return http.postMultipart("/api/dossiers/" + d.numero() + "/pieces", List.of(fichiers), champs, bearer(d.jeton()));
    }

    private int nombrePieces(Depot d) {
        return jdbc.sql("select count(*) from piece p join dossier d on d.id = p.dossier_id where d.numero = ?")
                .param(d.numero()).query(Integer.class).single();
    }

    static String sha256(byte[] octets) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(octets));
    }

    @Test
    void unPdfEtUnPngSontEnregistresEtListesAuPorteur() throws Exception {
        Depot d = deposer();
        Http.Reponse r = joindre(d, Map.of("categorie", "STATUTS"), new Fichier("statuts.pdf", "application/pdf", PDF),
                // The declared Content-Type is ignored: the content says PNG.
                new Fichier("plan du lieu.png", "application/pdf", PNG));
        assertThat(r.statut()).as(r.corps()).isEqualTo(201);
        JsonNode pieces = r.json().get("pieces");
        assertThat(pieces).hasSize(2);
        assertThat(pieces.get(0).get("nom").asText()).isEqualTo("statuts.pdf");
        assertThat(pieces.get(0).get("type").asText()).isEqualTo("application/pdf");
        assertThat(pieces.get(0).get("taille").asLong()).isEqualTo(PDF.length);
        assertThat(pieces.get(0).get("sha256").asText()).isEqualTo(sha256(PDF));
        assertThat(pieces.get(0).get("categorie").asText()).isEqualTo("STATUTS");
        assertThat(pieces.get(0).get("dejaPresente").asBoolean()).isFalse();
        assertThat(pieces.get(1).get("type").asText()).isEqualTo("image/png");
        assertThat(pieces.get(1).get("id").asLong()).isPositive();
        assertThat(r.json().get("ajoutees").asInt()).isEqualTo(2);
        assertThat(nombrePieces(d)).isEqualTo(2);
        byte[] stocke = jdbc.sql("select contenu from piece where id = ?").param(pieces.get(1).get("id").asLong()).query(byte[].class).single();
        assertThat(stocke).isEqualTo(PNG);

        JsonNode vue = http.get("/api/dossiers/" + d.numero(), bearer(d.jeton())).json();
        assertThat(vue.get("pieces")).hasSize(2);
        assertThat(vue.get("pieces").get(0).get("nom").asText()).isEqualTo("statuts.pdf");
        assertThat(vue.get("pieces").get(0).has("contenu")).isFalse();
        assertThat(vue.get("historique").toString()).contains("statuts.pdf, plan du lieu.png");

        Http.ReponseOctets mien = http.getOctets("/api/dossiers/" + d.numero() + "/pieces/" + pieces.get(0).get("id").asLong(), bearer(d.jeton()));
        assertThat(mien.statut()).isEqualTo(200);
        assertThat(mien.corps()).isEqualTo(PDF);
        assertThat(mien.entete("Content-Type")).isEqualTo("application/pdf");
    }

    @Test
    void leMemeContenuNEstPasEnregistreDeuxFois() {
        Depot d = deposer();
        assertThat(joindre(d, Map.of(), new Fichier("rib.pdf", "application/pdf", PDF)).statut()).isEqualTo(201);
        Http.Reponse encore = joindre(d, Map.of(), new Fichier("rib (copie).pdf", "application/pdf", PDF));
        assertThat(encore.statut()).as(encore.corps()).isEqualTo(200);
        assertThat(encore.json().get("ajoutees").asInt()).isZero();
        assertThat(encore.json().get("dejaPresentes").asInt()).isEqualTo(1);
        assertThat(encore.json().get("message").asText()).contains("déjà présent").contains("non enregistré une seconde fois");
        assertThat(encore.json().get("pieces").get(0).get("dejaPresente").asBoolean()).isTrue();
        assertThat(encore.json().get("pieces").get(0).get("nom").asText()).isEqualTo("rib.pdf");
        assertThat(nombrePieces(d)).isEqualTo(1);
    }

    @Test
    void unPdfQuiNEnEstPasUnEstRefuseEtRienNEstEnregistre() {
        Depot d = deposer();
        Http.Reponse r = joindre(d, Map.of(), new Fichier("statuts.pdf", "application/pdf", PDF),
                new Fichier("budget.pdf", "application/pdf", EXE),
                new Fichier("rib.pdf", "application/pdf", "Ceci n'est qu'un texte.".getBytes(StandardCharsets.UTF_8)));
        assertThat(r.statut()).as(r.corps()).isEqualTo(422);
        assertThat(r.entete("Content-Type")).startsWith("application/problem+json");
        JsonNode erreurs = r.json().get("erreurs");
        assertThat(erreurs).hasSize(2);
        assertThat(erreurs.get(0).get("champ").asText()).isEqualTo("fichier");
        assertThat(erreurs.get(0).get("message").asText()).contains("« budget.pdf »").contains("PDF, PNG, JPEG, ODT ou DOCX");
        assertThat(erreurs.get(1).get("message").asText()).contains("« rib.pdf »");
        assertThat(nombrePieces(d)).as("ni statuts.pdf, pourtant valide").isZero();

        Http.Reponse categorie = joindre(d, Map.of("categorie", "FACTURE"), new Fichier("statuts.pdf", "application/pdf", PDF));
        assertThat(categorie.statut()).isEqualTo(422);
        assertThat(categorie.json().get("erreurs").get(0).get("champ").asText()).isEqualTo("categorie");
        Http.Reponse sansFichier = http.postMultipart("/api/dossiers/" + d.numero() + "/pieces", List.of(), Map.of("categorie", "RIB"),
                bearer(d.jeton()));
        assertThat(sansFichier.statut()).isEqualTo(422);
        assertThat(sansFichier.json().get("erreurs").get(0).get("champ").asText()).isEqualTo("fichier");
    }

    @Test
    void unFichierDePlusDeDixMoEstRefuseParLApplication() {
        Depot d = deposer();
        byte[] gros = Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1);
        Http.Reponse r = joindre(d, Map.of(), new Fichier("annexes.pdf", "application/pdf", gros));
        assertThat(r.statut()).as(r.corps()).isEqualTo(413);
        assertThat(r.entete("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("erreurs").get(0).get("message").asText())
                .isEqualTo("« annexes.pdf » fait 10,0 Mo (10 485 761 octets) ; attendu : 10,0 Mo (10 485 760 octets) au plus par fichier");
        assertThat(nombrePieces(d)).isZero();

        byte[] limite = Arrays.copyOf(PDF, 10 * 1024 * 1024);
        Http.Reponse accepte = joindre(d, Map.of(), new Fichier("annexes.pdf", "application/pdf", limite));
        assertThat(accepte.statut()).as(accepte.corps()).isEqualTo(201);
        assertThat(accepte.json().get("pieces").get(0).get("taille").asLong()).isEqualTo(10 * 1024 * 1024);
    }

    @Test
    void unEnvoiAuDelaDeLaLimiteDuConteneurRecoitAussiUnMessageFrancais() {
        Depot d = deposer();
        Http.Reponse r = joindre(d, Map.of(), new Fichier("archives.pdf", "application/pdf", Arrays.copyOf(PDF, 61 * 1024 * 1024)));
        assertThat(r.statut()).as(r.corps()).isEqualTo(413);
        assertThat(r.entete("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("title").asText()).isEqualTo("Envoi trop volumineux");
        assertThat(r.json().get("detail").asText()).contains("60,0 Mo par requête").contains("10,0 Mo au plus par fichier");
        assertThat(nombrePieces(d)).isZero();
    }

    @Test
    void leJetonDUnAutreDossierNOuvreRien() {
        Depot a = deposer();
        Depot b = deposer();
        Http.Reponse piece = joindre(a, Map.of(), new Fichier("statuts.pdf", "application/pdf", PDF));
        long id = piece.json().get("pieces").get(0).get("id").asLong();

        Http.Reponse autreJeton = http.postMultipart("/api/dossiers/" + a.numero() + "/pieces",
                List.of(new Fichier("x.pdf", "application/pdf", PDF)), Map.of(), bearer(b.jeton()));
        assertThat(autreJeton.statut()).isEqualTo(404);
        assertThat(autreJeton.json().get("title").asText()).isEqualTo("Dossier introuvable");
        Http.Reponse inconnu = http.postMultipart("/api/dossiers/FDT-1999-9999/pieces",
                List.of(new Fichier("x.pdf", "application/pdf", PDF)), Map.of(), bearer(b.jeton()));
        assertThat(inconnu.statut()).isEqualTo(404);
        assertThat(inconnu.json().get("detail")).isEqualTo(autreJeton.json().get("detail"));
        Http.Reponse sansJeton = http.postMultipart("/api/dossiers/" + a.numero() + "/pieces",
                List.of(new Fichier("x.pdf", "application/pdf", PDF)), Map.of(), Map.of());
        assertThat(sansJeton.statut()).isEqualTo(401);
        assertThat(sansJeton.entete("WWW-Authenticate")).isEqualTo("Bearer realm=\"fabriques\"");
        assertThat(nombrePieces(a)).isEqualTo(1);
        assertThat(nombrePieces(b)).isZero();

        assertThat(http.getOctets("/api/dossiers/" + a.numero() + "/pieces/" + id, bearer(b.jeton())).statut()).isEqualTo(404);
        assertThat(http.getOctets("/api/dossiers/" + b.numero() + "/pieces/" + id, bearer(b.jeton())).statut())
                .as("la pièce de A par le dossier B").isEqualTo(404);
        assertThat(http.getOctets("/api/dossiers/" + a.numero() + "/pieces/" + id, Map.of()).statut()).isEqualTo(401);
    }

    @Test
    void lesAgentsTelechargentAvecLesBonsEntetes() {
        Depot d = deposer();
        Http.Reponse r = joindre(d, Map.of("categorie", "RIB"), new Fichier("RIB Crédit \"Agricole\".pdf", "application/octet-stream", PDF),
                new Fichier("devis.exe", "application/x-msdownload", PNG));
        long rib = r.json().get("pieces").get(0).get("id").asLong();
        long devis = r.json().get("pieces").get(1).get("id").asLong();
        String chemin = "/api/agents/dossiers/" + d.numero() + "/pieces/";

        Http.ReponseOctets o = http.getOctets(chemin + rib, basic("instructeur"));
        assertThat(o.statut()).isEqualTo(200);
        assertThat(o.corps()).isEqualTo(PDF);
        assertThat(o.entete("Content-Type")).isEqualTo("application/pdf");
        assertThat(o.entete("Content-Length")).isEqualTo(String.valueOf(PDF.length));
        assertThat(o.entete("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(o.entete("Content-Disposition"))
                .isEqualTo("attachment; filename=\"RIB Credit _Agricole_.pdf\"; filename*=UTF-8''RIB%20Cr%C3%A9dit%20%22Agricole%22.pdf");
        assertThat(o.entete("Cache-Control")).contains("no-store");

        Http.ReponseOctets image = http.getOctets(chemin + devis, basic("comite"));
        assertThat(image.statut()).isEqualTo(200);
        assertThat(image.entete("Content-Type")).isEqualTo("image/png");
        assertThat(image.entete("Content-Disposition")).contains("filename=\"devis.exe.png\"");

        // Referents: only those of the dossier's département (Nevers, 58).
        assertThat(http.getOctets(chemin + rib, basic("referent-58")).statut()).isEqualTo(200);
        Http.ReponseOctets autreDepartement = http.getOctets(chemin + rib, basic("referent-75"));
        assertThat(autreDepartement.statut()).isEqualTo(403);
        assertThat(autreDepartement.texte()).contains("referents-58");
        assertThat(http.getOctets(chemin + rib, basic("gestionnaire")).statut()).isEqualTo(200);
        assertThat(http.getOctets(chemin + rib, basic("financier")).statut()).isEqualTo(200);
        // Analysts and administrators are no readers of dossiers.
        assertThat(http.getOctets(chemin + rib, basic("analyste")).statut()).isEqualTo(403);
        assertThat(http.getOctets(chemin + rib, basic("admin")).statut()).isEqualTo(403);

        Http.ReponseOctets anonyme = http.getOctets(chemin + rib, Map.of());
        assertThat(anonyme.statut()).isEqualTo(401);
        assertThat(anonyme.entete("WWW-Authenticate")).isEqualTo("Basic realm=\"fabriques\"");
        assertThat(http.getOctets(chemin + rib, bearer(d.jeton())).statut()).as("le jeton du porteur n'ouvre pas l'API agents").isEqualTo(401);
        assertThat(http.getOctets(chemin + 999_999_999L, basic("instructeur")).statut()).isEqualTo(404);
        Depot autre = deposer();
        assertThat(http.getOctets("/api/agents/dossiers/" + autre.numero() + "/pieces/" + rib, basic("instructeur")).statut())
                .as("une pièce demandée sous le numéro d'un autre dossier").isEqualTo(404);
    }

    @Test
    void laTacheDeCompletudeListeLesPiecesEnLiens() {
        Depot d = deposer();
        // Eligibility runs right after the deposit: the task exists before the applicant uploads anything.
        executerJobs(d.numero());
        Http.Reponse taches = http.get("/engine-rest/task?processInstanceBusinessKey=" + d.numero()
                + "&taskDefinitionKey=UserTask_VerifierCompletude", basic("instructeur"));
        assertThat(taches.json()).hasSize(1);
        String tache = taches.json().get(0).get("id").asText();
        // What Tasklist's form loads when it opens: the pieces are read then, never stored in the engine.
        String chemin = "/engine-rest/task/" + tache + "/form-variables";
        assertThat(http.get(chemin, basic("instructeur")).json().get("piecesJointes").get("value").asText())
                .isEqualTo("_Aucune pièce jointe déposée pour l'instant._");
        assertThat(http.get("/engine-rest/task/" + tache + "/localVariables", basic("instructeur")).json().has("piecesJointes")).isFalse();

        Http.Reponse r = joindre(d, Map.of("categorie", "STATUTS"), new Fichier("statuts [v2].pdf", "application/pdf", PDF));
        long id = r.json().get("pieces").get(0).get("id").asLong();
        String lien = "/api/agents/dossiers/" + d.numero() + "/pieces/" + id;
        Http.Reponse variable = http.get(chemin, basic("instructeur"));
        assertThat(variable.statut()).as(variable.corps()).isEqualTo(200);
        assertThat(variable.json().get("piecesJointes").get("value").asText())
                .isEqualTo("- [statuts \\[v2\\]\\.pdf (PDF, " + PDF.length + " octets, statuts)](" + lien + ")");
        // The dossier's sheet in the same form lists it too.
        assertThat(variable.json().get("fiche").get("value").asText()).contains(lien);
        assertThat(http.getOctets(lien, basic("instructeur")).corps()).isEqualTo(PDF);

        // A new task (after a completeness request answered) lists the pieces from its creation.
        http.postJson("/engine-rest/task/" + tache + "/claim", Map.of("userId", "instructeur"), basic("instructeur"));
        Http.Reponse soumis = http.postJson("/engine-rest/task/" + tache + "/submit-form",
                Http.variables("complet", "false", "piecesManquantes", "Le RIB"), basic("instructeur"));
        assertThat(soumis.statut()).as(soumis.corps()).isEqualTo(204);
        joindre(d, Map.of(), new Fichier("rib.png", "image/png", PNG));
        assertThat(http.postJson("/api/dossiers/" + d.numero() + "/complements", Map.of("message", "RIB joint"), bearer(d.jeton())).statut())
                .isEqualTo(200);
        executerJobs(d.numero());
        String nouvelle = http.get("/engine-rest/task?processInstanceBusinessKey=" + d.numero()
                + "&taskDefinitionKey=UserTask_VerifierCompletude", basic("instructeur")).json().get(0).get("id").asText();
        assertThat(nouvelle).isNotEqualTo(tache);
        String liste = http.get("/engine-rest/task/" + nouvelle + "/form-variables", basic("instructeur")).json().get("piecesJointes").get("value").asText();
        assertThat(liste.lines()).hasSize(2);
        assertThat(liste).contains("rib\\.png (PNG, " + PNG.length + " octets, complément)");
    }

    @Test
    void plusDePieceQuandLeDossierEstClos() {
        // Closed by its applicant: withdrawn during the instruction.
        Depot d = deposer();
        Http.Reponse retrait = http.postJson("/api/dossiers/" + d.numero() + "/retrait", Map.of("motif", "Autre financement obtenu"),
                bearer(d.jeton()));
        assertThat(retrait.statut()).as(retrait.corps()).isLessThan(300);
        assertThat(jdbc.sql("select statut from dossier where numero = ?").param(d.numero()).query(String.class).single())
                .isEqualTo("RETIRE");
        Http.Reponse r = joindre(d, Map.of(), new Fichier("statuts.pdf", "application/pdf", PDF));
        assertThat(r.statut()).as(r.corps()).isEqualTo(409);
        assertThat(r.json().get("detail").asText()).contains("retiré par le porteur");
        assertThat(nombrePieces(d)).isZero();
    }

    @Test
    void lesPointsDAccesSontDecritsDansOpenApi() {
        Http.Reponse r = http.get("/v3/api-docs", Map.of());
        assertThat(r.statut()).isEqualTo(200);
        JsonNode chemins = r.json().get("paths");
        assertThat(chemins.has("/api/dossiers/{numero}/pieces")).isTrue();
        assertThat(chemins.get("/api/dossiers/{numero}/pieces").get("post").get("requestBody").toString()).contains("multipart/form-data");
        assertThat(chemins.has("/api/dossiers/{numero}/pieces/{id}")).isTrue();
        JsonNode agent = chemins.get("/api/agents/dossiers/{numero}/pieces/{id}").get("get");
        assertThat(agent.get("security").toString()).contains("agents");
        assertThat(agent.get("parameters").toString()).doesNotContain("groupes");
        assertThat(r.json().get("components").get("securitySchemes").get("agents").get("scheme").asText()).isEqualTo("basic");
    }

    private void executerJobs(String numero) {
        boolean encore = true;
        while (encore) {
            encore = false;
            for (var pi : runtime.createProcessInstanceQuery().processInstanceBusinessKey(numero).list()) {
                for (Job j : management.createJobQuery().processInstanceId(pi.getId()).executable().list()) {
                    management.executeJob(j.getId());
                    encore = true;
                }
            }
        }
    }
}
