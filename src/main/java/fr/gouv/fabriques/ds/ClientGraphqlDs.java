package fr.gouv.fabriques.ds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.gouv.fabriques.application.port.DemarchesSimplifiees;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * DS's GraphQL API over Spring's {@link RestClient}: {@code POST {base}/api/v2/graphql} with the documents of
 * {@link RequetesDs} (doc/adr/0012 says why no GraphQL client library). HTTP status and GraphQL errors become the
 * port's exceptions; the token is sent in the header only and never appears in a message or a log.
 */
public class ClientGraphqlDs implements DemarchesSimplifiees {

    private final RestClient http;
    private final RestClient telechargement;
    private final ObjectMapper json;
    private final Supplier<String> jeton;
    private final String instructeurId;

    public ClientGraphqlDs(String urlBase, Supplier<String> jeton, String instructeurId, Duration delai, ObjectMapper json) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(delai).followRedirects(HttpClient.Redirect.NORMAL).build();
        JdkClientHttpRequestFactory fabrique = new JdkClientHttpRequestFactory(client);
        fabrique.setReadTimeout(delai);
        String base = urlBase.endsWith("/") ? urlBase.substring(0, urlBase.length() - 1) : urlBase;
        this.http = RestClient.builder().requestFactory(fabrique).baseUrl(base + "/api/v2/graphql").build();
        this.telechargement = RestClient.builder().requestFactory(fabrique).build();
        this.json = json;
        this.jeton = jeton;
        this.instructeurId = instructeurId;
    }

    @Override
    public Page dossiersModifies(int demarche, Instant depuis, String apres, int taille) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("demarche", demarche);
        v.put("depuis", depuis == null ? null : depuis.toString());
        v.put("apres", apres);
        v.put("taille", taille);
        JsonNode connexion = executer("dossiers", "dossiersModifies", v).path("demarche").path("dossiers");
        List<DossierDs> dossiers = new ArrayList<>();
        connexion.path("nodes").forEach(n -> dossiers.add(dossier(n)));
        JsonNode page = connexion.path("pageInfo");
        return new Page(dossiers, page.path("hasNextPage").asBoolean(false), texte(page, "endCursor"));
    }

    @Override
    public List<Integer> dossiersSupprimes(int demarche, Instant depuis) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("demarche", demarche);
        v.put("depuis", depuis == null ? null : depuis.toString());
        List<Integer> numeros = new ArrayList<>();
        executer("dossiers-supprimes", "dossiersSupprimes", v).path("demarche").path("deletedDossiers").path("nodes")
                .forEach(n -> numeros.add(n.path("number").asInt()));
        return numeros;
    }

    @Override
    public Optional<DossierDs> dossier(int numero) {
        try {
            JsonNode d = executer("dossier", "unDossier", Map.of("numero", numero)).path("dossier");
            return d.isObject() ? Optional.of(dossier(d)) : Optional.empty();
        } catch (DsErreur e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> etat(int numero) {
        try {
            JsonNode d = executer("etat-dossier", "etatDossier", Map.of("numero", numero)).path("dossier");
            return Optional.ofNullable(texte(d, "state"));
        } catch (DsErreur e) {
            return Optional.empty();
        }
    }

    @Override
    public Formulaire formulaire(int demarche) {
        JsonNode d = executer("descripteurs", "descripteurs", Map.of("demarche", demarche)).path("demarche");
        List<Descripteur> champs = new ArrayList<>();
        d.path("activeRevision").path("champDescriptors").forEach(c -> champs.add(new Descripteur(texte(c, "id"), texte(c, "label"),
                texte(c, "type"), texte(c, "description"), c.path("required").asBoolean(false))));
        return new Formulaire(d.path("number").asInt(demarche), texte(d, "title"), champs);
    }

    @Override
    public List<String> executer(ActionDs action, String dossierId, String texte, String correction) {
        ObjectNode input = json.createObjectNode();
        input.put("dossierId", dossierId);
        input.put("instructeurId", instructeurId);
        String document;
        String operation;
        switch (action) {
            case PASSER_EN_INSTRUCTION -> { document = "passer-en-instruction"; operation = "dossierPasserEnInstruction"; }
            case REPASSER_EN_CONSTRUCTION -> { document = "repasser-en-construction"; operation = "dossierRepasserEnConstruction"; }
            case REPASSER_EN_INSTRUCTION -> { document = "repasser-en-instruction"; operation = "dossierRepasserEnInstruction"; }
            case MESSAGE -> {
                document = "envoyer-message";
                operation = "dossierEnvoyerMessage";
                input.put("body", texte);
                if (correction != null) {
                    input.put("correction", correction);
                }
            }
            case ACCEPTER -> { document = "accepter"; operation = "dossierAccepter"; input.put("motivation", texte); }
            case REFUSER -> { document = "refuser"; operation = "dossierRefuser"; input.put("motivation", texte); }
            case CLASSER_SANS_SUITE -> { document = "classer-sans-suite"; operation = "dossierClasserSansSuite"; input.put("motivation", texte); }
            default -> throw new IllegalArgumentException(action.name());
        }
        JsonNode payload = executer(document, operation, Map.of("input", input)).path(operation);
        List<String> erreurs = new ArrayList<>();
        payload.path("errors").forEach(e -> erreurs.add(e.path("message").asText()));
        return erreurs;
    }

    @Override
    public byte[] telecharger(String url) {
        try {
            byte[] contenu = telechargement.get().uri(URI.create(url)).retrieve().onStatus(HttpStatusCode::isError, (req, rep) -> {
                throw new DsIndisponible("Téléchargement d'une pièce refusé par DS (HTTP " + rep.getStatusCode().value() + ")", null);
            }).body(byte[].class);
            return contenu == null ? new byte[0] : contenu;
        } catch (ResourceAccessException e) {
            throw new DsIndisponible("Téléchargement d'une pièce impossible : " + e.getMostSpecificCause().getClass().getSimpleName(), e);
        }
    }

    private JsonNode executer(String document, String operation, Map<String, Object> variables) {
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("query", RequetesDs.document(document));
        corps.put("operationName", operation);
        corps.put("variables", variables);
        JsonNode reponse;
        try {
            reponse = http.post().contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + jeton.get())
                    .body(corps).retrieve()
                    .onStatus(s -> s.value() == 401 || s.value() == 403, (req, rep) -> {
                        throw new DsJetonRefuse("démarches-simplifiées refuse le jeton de l'API (HTTP " + rep.getStatusCode().value()
                                + ") : jeton erroné, expiré ou restreint à d'autres réseaux ; renouvelez FABRIQUES_DS_JETON");
                    })
                    .onStatus(s -> s.is5xxServerError() || s.value() == 429, (req, rep) -> {
                        throw new DsIndisponible("démarches-simplifiées indisponible (HTTP " + rep.getStatusCode().value() + ")", null);
                    })
                    .onStatus(HttpStatusCode::is4xxClientError, (req, rep) -> {
                        throw new DsErreur("démarches-simplifiées refuse la requête " + operation + " (HTTP " + rep.getStatusCode().value() + ")");
                    })
                    .body(JsonNode.class);
        } catch (ResourceAccessException e) {
            throw new DsIndisponible("démarches-simplifiées injoignable (" + e.getMostSpecificCause().getClass().getSimpleName() + ")", e);
        } catch (RestClientResponseException e) {
            throw new DsIndisponible("démarches-simplifiées : réponse HTTP " + e.getStatusCode().value(), e);
        } catch (RestClientException e) {
            throw new DsIndisponible("démarches-simplifiées : réponse illisible", e);
        }
        if (reponse == null) {
            throw new DsIndisponible("démarches-simplifiées : réponse vide", null);
        }
        JsonNode erreurs = reponse.path("errors");
        if (erreurs.isArray() && !erreurs.isEmpty() && !reponse.path("data").isObject()) {
            throw new DsErreur("démarches-simplifiées : " + operation + " : " + erreurs.get(0).path("message").asText());
        }
        if (erreurs.isArray() && !erreurs.isEmpty() && reponse.path("data").path(racine(operation)).isNull()) {
            throw new DsErreur("démarches-simplifiées : " + operation + " : " + erreurs.get(0).path("message").asText());
        }
        return reponse.path("data");
    }

    /** The root field a data-less error leaves null (dossier, demarche) — mutations answer in their payload. */
    private static String racine(String operation) {
        return switch (operation) {
            case "unDossier", "etatDossier" -> "dossier";
            case "dossiersModifies", "descripteurs", "dossiersSupprimes" -> "demarche";
            default -> operation;
        };
    }

    private static DossierDs dossier(JsonNode n) {
        List<ChampDs> champs = new ArrayList<>();
        n.path("champs").forEach(c -> champs.add(champ(c)));
        JsonNode demandeur = n.path("demandeur");
        return new DossierDs(texte(n, "id"), n.path("number").asInt(), texte(n, "state"), date(n, "dateDerniereModification"),
                date(n, "dateDerniereModificationChamps"), texte(n.path("usager"), "email"), texte(demandeur, "siret"), champs);
    }

    private static ChampDs champ(JsonNode c) {
        String type = texte(c, "__typename");
        String texte = texte(c, "stringValue");
        for (String champ : new String[] {"value", "integerValue", "decimalValue"}) {
            if (c.hasNonNull(champ)) {
                texte = c.get(champ).asText();
            }
        }
        if (c.path("etablissement").hasNonNull("siret")) {
            texte = c.path("etablissement").path("siret").asText();
        }
        List<String> valeurs = new ArrayList<>();
        c.path("values").forEach(v -> valeurs.add(v.asText()));
        CommuneDs commune = null;
        if (c.path("commune").isObject()) {
            JsonNode co = c.path("commune");
            commune = new CommuneDs(texte(co, "name"), texte(co, "code"), texte(co, "postalCode"), texte(c.path("departement"), "code"));
        }
        List<FichierDs> fichiers = new ArrayList<>();
        c.path("files").forEach(f -> fichiers.add(new FichierDs(texte(f, "filename"), texte(f, "contentType"),
                f.path("byteSizeBigInt").asLong(), texte(f, "checksum"), texte(f, "url"), texte(f, "virusScanResult"))));
        return new ChampDs(type, texte(c, "champDescriptorId"), texte(c, "label"), texte, valeurs, commune, fichiers);
    }

    private static Instant date(JsonNode n, String champ) {
        String v = texte(n, champ);
        return v == null ? null : OffsetDateTime.parse(v).toInstant();
    }

    private static String texte(JsonNode n, String champ) {
        JsonNode v = n.path(champ);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }
}
