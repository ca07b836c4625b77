package fr.gouv.fabriques.integration;

import static fr.gouv.fabriques.integration.Http.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenAPI document served by the application is the API contract (README « Parcourir un dossier »): it parses
 * without error, the deposit body and every JSON answer are typed schemas (not a bare string or an untyped map), and
 * the README's curl examples and the committed example deposit conform to it, as the server's own answer to that
 * deposit does. The schema's format rules and the server agree on a wrong field.
 */
@IntegrationTest
class OpenApiIT {

    private static final Pattern CURL = Pattern.compile("^curl (.*)$", Pattern.MULTILINE);

    @LocalServerPort
    int port;
    Http http;
    String document;
    OpenAPI api;
    OpenApiInteractionValidator validateur;

    @BeforeEach
    void lireLeContrat() {
        http = new Http(port);
        Http.Reponse r = http.get("/v3/api-docs", Map.of());
        assertThat(r.statut()).isEqualTo(200);
        document = r.corps();
        SwaggerParseResult lu = new OpenAPIV3Parser().readContents(document);
        assertThat(lu.getMessages()).as("le document OpenAPI se lit sans erreur").isEmpty();
        api = lu.getOpenAPI();
        validateur = OpenApiInteractionValidator.createForInlineApiSpecification(document).build();
    }

    @Test
    void leCorpsDuDepotEstUnSchemaTypeAvecSesRegles() {
        Operation depot = api.getPaths().get("/api/dossiers").getPost();
        Schema<?> corps = depot.getRequestBody().getContent().get("application/json").getSchema();
        assertThat(corps.get$ref()).endsWith("/Depot");
        Schema<?> schema = api.getComponents().getSchemas().get("Depot");
        assertThat(schema.getRequired()).containsExactlyInAnyOrder("appel", "categorie", "structure", "contact", "projet", "montantsDemandes");
        Schema<?> structure = api.getComponents().getSchemas().get("DepotStructure");
        assertThat(((Schema<?>) structure.getProperties().get("siret")).getPattern()).isEqualTo("^\\d{14}$");
        assertThat(((Schema<?>) structure.getProperties().get("formeJuridique")).getEnum()).map(String::valueOf).contains("ASSOCIATION", "SCIC");
        Schema<?> reponse = depot.getResponses().get("201").getContent().get("application/json").getSchema();
        assertThat(reponse.get$ref()).endsWith("/DepotCree");
    }

    @Test
    void chaqueReponseJsonEstTypee() {
        List<String> nonTypees = new ArrayList<>();
        api.getPaths().forEach((chemin, item) -> item.readOperationsMap().forEach((methode, op) -> {
            for (Map.Entry<String, ApiResponse> r : op.getResponses().entrySet()) {
                if (!r.getKey().startsWith("2") || r.getValue().getContent() == null) {
                    continue;
                }
                for (Map.Entry<String, MediaType> m : r.getValue().getContent().entrySet()) {
                    if (m.getKey().contains("json") && !m.getKey().contains("problem") && !type(m.getValue().getSchema())) {
                        nonTypees.add(methode + " " + chemin + " " + r.getKey() + " " + m.getKey());
                    }
                }
            }
        }));
        assertThat(nonTypees).as("réponses JSON sans schéma typé").isEmpty();
    }

    /** A schema says something: a reference, typed items, named properties, or a scalar type. */
    private boolean type(Schema<?> s) {
        if (s == null) {
            return false;
        }
        if (s.get$ref() != null) {
            return true;
        }
        if (s.getItems() != null) {
            return type(s.getItems());
        }
        if (s.getProperties() != null && !s.getProperties().isEmpty()) {
            return true;
        }
        if (s.getAdditionalProperties() instanceof Schema<?> valeurs) {
            return type(valeurs);
        }
        String t = s.getType() != null ? s.getType() : (s.getTypes() == null ? null : s.getTypes().iterator().next());
        return t != null && !t.equals("object");
    }

    @Test
    void leDepotDExempleEtLaReponseDuServeurSontConformes() throws Exception {
        ObjectNode exemple = (ObjectNode) JSON.readTree(Files.readString(Path.of("src/test/resources/exemples/depot.json")));
        assertThat(valider(SimpleRequest.Builder.post("/api/dossiers").withContentType("application/json")
                .withBody(JSON.writeValueAsString(exemple)).build()).getMessages()).isEmpty();

        // The same deposit, with a SIRET no other test uses, sent for real: the answer conforms too.
        ObjectNode depot = Depots.valide();
        Http.Reponse r = http.postJson("/api/dossiers", depot, Map.of());
        assertThat(r.statut()).as(r.corps()).isEqualTo(201);
        ValidationReport reponse = validateur.validateResponse("/api/dossiers", Request.Method.POST,
                SimpleResponse.Builder.status(201).withContentType("application/json").withBody(r.corps()).build());
        assertThat(reponse.getMessages()).isEmpty();

        String numero = r.json().get("numero").asText();
        Http.Reponse suivi = http.get("/api/dossiers/" + numero, Http.bearer(r.json().get("jetonAcces").asText()));
        ValidationReport vue = validateur.validateResponse("/api/dossiers/" + numero, Request.Method.GET,
                SimpleResponse.Builder.status(200).withContentType("application/json").withBody(suivi.corps()).build());
        assertThat(vue.getMessages()).isEmpty();
    }

    @Test
    void unChampQueLeSchemaRefuseEstRefuseParLeServeur() {
        ObjectNode depot = Depots.valide();
        ((ObjectNode) depot.get("structure")).put("siret", "1234");
        ((ObjectNode) depot.get("contact")).put("nom", "X");
        ValidationReport schema = valider(SimpleRequest.Builder.post("/api/dossiers").withContentType("application/json")
                .withBody(Http.texte(depot)).build());
        assertThat(schema.getMessages()).extracting(ValidationReport.Message::getMessage)
                .anyMatch(m -> m.contains("siret")).anyMatch(m -> m.contains("nom"));
        Http.Reponse serveur = http.postJson("/api/dossiers", depot, Map.of());
        assertThat(serveur.statut()).isEqualTo(422);
        List<String> champs = new ArrayList<>();
        serveur.json().get("erreurs").forEach(e -> champs.add(e.get("champ").asText()));
        assertThat(champs).contains("structure.siret", "contact.nom");
    }

    @Test
    void lesExemplesDuReadmeSontConformes() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8).replace("\\\n", " ");
        Matcher m = CURL.matcher(readme);
        int vus = 0;
        List<String> fautes = new ArrayList<>();
        while (m.find()) {
            Request requete = requete(m.group(1));
            if (requete == null) {
                continue; // not the project's documented API (actuator, engine REST, CSV files)
            }
            vus++;
            ValidationReport rapport = valider(requete);
            if (rapport.hasErrors()) {
                fautes.add(m.group(0) + " → " + rapport.getMessages());
            }
        }
        assertThat(vus).as("exemples curl de l'API dans le README").isGreaterThanOrEqualTo(5);
        assertThat(fautes).isEmpty();
    }

    private ValidationReport valider(Request requete) {
        return validateur.validateRequest(requete);
    }

    /** A README curl line as the request it sends, or null when it targets something the OpenAPI does not describe. */
    private static Request requete(String ligne) throws Exception {
        Matcher url = Pattern.compile("localhost:\\d+(/[^\\s'\"]*)").matcher(ligne);
        if (!url.find()) {
            return null;
        }
        String chemin = url.group(1).replaceAll("<[^>]+>", "x");
        if (!chemin.startsWith("/api/") || chemin.contains("opendata") || chemin.contains("?")) {
            return null;
        }
        Matcher methode = Pattern.compile("-X (\\w+)").matcher(ligne);
        boolean formulaire = ligne.contains(" -F ");
        boolean donnees = ligne.contains(" -d ");
        String verbe = methode.find() ? methode.group(1) : (formulaire || donnees ? "POST" : "GET");
        SimpleRequest.Builder b = new SimpleRequest.Builder(verbe, chemin);
        Matcher entete = Pattern.compile("-H '([^:]+): ([^']*)'").matcher(ligne);
        while (entete.find()) {
            b.withHeader(entete.group(1), entete.group(2).replaceAll("<[^>]+>", "x"));
        }
        Matcher basic = Pattern.compile("-u (\\S+)").matcher(ligne);
        if (basic.find()) {
            b.withHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.group(1).getBytes(StandardCharsets.UTF_8)));
        }
        Matcher fichier = Pattern.compile("-d @(\\S+)").matcher(ligne);
        if (fichier.find()) {
            JsonNode corps = JSON.readTree(Files.readString(Path.of(fichier.group(1))));
            b.withBody(JSON.writeValueAsString(corps));
        }
        if (formulaire) {
            b.withContentType("multipart/form-data");
        }
        return b.build();
    }
}
