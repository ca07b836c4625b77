package fr.gouv.fabriques.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gouv.fabriques.application.convention.GenererConvention;
import fr.gouv.fabriques.application.convention.SignerConventionPorteur;
import fr.gouv.fabriques.application.convention.TelechargerConvention;
import fr.gouv.fabriques.application.depot.DemandeDepot;
import fr.gouv.fabriques.application.depot.DeposerDossier;
import fr.gouv.fabriques.application.depot.ResultatDepot;
import fr.gouv.fabriques.application.depot.ValidateurDepot;
import fr.gouv.fabriques.application.instruction.RepondreDemandeComplements;
import fr.gouv.fabriques.application.porteur.ConsulterDossierPorteur;
import fr.gouv.fabriques.application.porteur.VueDossierPorteur;
import fr.gouv.fabriques.application.versement.DeposerBilan;
import fr.gouv.fabriques.domain.DocumentConvention;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.ErreursValidation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The applicants' door (the API contract (OpenAPI, README)): deposit, then follow and answer with the access token. */
@RestController
@RequestMapping(path = "/api/dossiers", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Porteurs", description = "Dépôt d'un dossier et suivi par le porteur (jeton d'accès)")
class DossierController {

    private final ObjectMapper json;
    private final DeposerDossier deposerDossier;
    private final AccesPorteurHttp accesPorteur;
    private final ConsulterDossierPorteur consulter;
    private final RepondreDemandeComplements repondreComplements;
    private final SignerConventionPorteur signerConvention;
    private final TelechargerConvention telechargerConvention;
    private final DeposerBilan deposerBilan;

    DossierController(ObjectMapper json, DeposerDossier deposerDossier, ValidateurDepot validateur, AccesPorteurHttp accesPorteur,
            ConsulterDossierPorteur consulter, RepondreDemandeComplements repondreComplements,
            SignerConventionPorteur signerConvention, TelechargerConvention telechargerConvention, DeposerBilan deposerBilan) {
        this.json = json;
        this.deposerDossier = deposerDossier;
        this.accesPorteur = accesPorteur;
        this.consulter = consulter;
        this.repondreComplements = repondreComplements;
        this.signerConvention = signerConvention;
        this.telechargerConvention = telechargerConvention;
        this.deposerBilan = deposerBilan;
    }

    @Operation(summary = "Déposer un dossier",
            description = "Le corps : la structure (raison sociale, SIRET, forme juridique, adresse), le contact, le projet, la catégorie, l'appel et les montants demandés par année (exemple : src/test/resources/exemples/depot.json). Réponse 201 avec le numéro et le jeton d'accès, montré une seule fois. "
                    + "422 liste chaque champ invalide ; 409 (champ structure.siret) si un dossier est déjà ouvert pour ce SIRET, ou si un "
                    + "autre dossier de la même entreprise (SIREN, les 9 premiers chiffres du SIRET) est en cours ou a déjà été retenu ou "
                    + "financé par le programme : une seule Fabrique par structure, sauf dérogation accordée par un gestionnaire "
                    + "(POST /api/agents/derogations-siren). "
                    + "Un en-tête Idempotency-Key rejoué renvoie la première réponse.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ContratDepot.Depot.class)))
    @ApiResponse(responseCode = "201", description = "Dossier créé",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ContratDepot.DepotCree.class)))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ContratDepot.DepotCree> deposer(@RequestBody String corps,
            @Parameter(description = "Clé choisie par le client pour rejouer un dépôt sans créer de doublon")
            @RequestHeader(name = "Idempotency-Key", required = false) String cleIdempotence) {
        JsonNode racine;
        try {
            // One JSON document and nothing after it, whatever the shared ObjectMapper's settings.
            racine = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(corps);
        } catch (JsonProcessingException e) {
            throw new JsonIllisible(GestionErreurs.pourquoiIllisible(e));
        }
        LecteurDepot lecteur = new LecteurDepot();
        DemandeDepot demande = lecteur.lire(racine);
        if (!lecteur.violations().isEmpty()) {
            throw new ErreursValidation(lecteur.violations());
        }
        Optional<String> cle = Optional.ofNullable(cleIdempotence).map(String::strip).filter(s -> !s.isEmpty());
        if (cle.isPresent() && cle.get().length() > 200) {
            throw new ErreursValidation("Idempotency-Key", "la clé d'idempotence fait 200 caractères au plus");
        }
        ResultatDepot r = deposerDossier.deposer(demande, cle);
        ContratDepot.DepotCree corpsReponse = new ContratDepot.DepotCree(r.numero(), r.jetonAcces(), String.valueOf(r.statut()), r.vague());
        return ResponseEntity.created(URI.create("/api/dossiers/" + r.numero()))
                .header("Idempotent-Replayed", String.valueOf(r.rejoue()))
                .body(corpsReponse);
    }

    @Operation(summary = "Consulter son dossier", description = "Statut, montants, versements et historique public. "
            + "Authorization: Bearer {jetonAcces}.")
    @GetMapping("/{numero}")
    VueDossierPorteur consulter(@PathVariable String numero, @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth) {
        return consulter.consulter(porteur(numero, auth));
    }

    record ReponseComplements(String message) {
    }

    @Operation(summary = "Répondre à une demande de compléments")
    @PostMapping(path = "/{numero}/complements", consumes = MediaType.APPLICATION_JSON_VALUE)
    ContratDepot.StatutApresAction complements(@PathVariable String numero, @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
            @RequestBody ReponseComplements corps) {
        return new ContratDepot.StatutApresAction(numero, repondreComplements.repondre(porteur(numero, auth), corps.message()).name());
    }

    @Operation(summary = "Télécharger sa convention (PDF)",
            description = "La convention établie à la désignation du lauréat, à signer. Authorization: Bearer {jetonAcces}. "
                    + "En-têtes : ETag (SHA-256 en hexadécimal, le même que « convention.sha256 » de GET /api/dossiers/{numero}) "
                    + "et Repr-Digest (SHA-256, RFC 9530). 401 sans jeton ; 404 si le numéro ou le jeton ne correspondent pas, "
                    + "ou tant que la convention n'est pas établie.")
    @ApiResponse(responseCode = "200", description = "Le PDF, en pièce jointe",
            content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary")))
    @SecurityRequirement(name = WebConfiguration.SECURITE_PORTEUR)
    @GetMapping(path = "/{numero}/convention", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> telechargerConvention(@PathVariable String numero,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth) {
        return ReponseDocumentConvention.pdf(telechargerConvention.pourLePorteur(porteur(numero, auth)), GenererConvention.nomFichier(numero));
    }

    @Operation(summary = "Déposer la convention signée (porteur)",
            description = "multipart/form-data : partie « fichier », la convention signée au format PDF (reconnu à son contenu, "
                    + "qui commence par « %PDF- » ; 10 Mo au plus), et champ « signataire », nom et qualité de la personne qui "
                    + "signe pour la structure (3 à 200 caractères). Authorization: Bearer {jetonAcces}. La réponse donne le "
                    + "SHA-256 du fichier enregistré. 415 pour un autre type de contenu (JSON…) ; 422 champ par champ ; 413 au-delà "
                    + "de 10 Mo ; 409 si le dossier n'attend pas de signature (déjà signée, caduque…).")
    @SecurityRequirement(name = WebConfiguration.SECURITE_PORTEUR)
    @PostMapping(path = "/{numero}/convention/signature", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ContratDepot.ConventionSignee signerConvention(@PathVariable String numero,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
            @Parameter(description = "La convention signée, au format PDF (10 Mo au plus)")
            @RequestPart(name = "fichier", required = false) MultipartFile fichier,
            @Parameter(description = "Nom et qualité du signataire pour la structure (3 à 200 caractères)")
            @RequestPart(name = "signataire", required = false) String signataire) {
        Dossier dossier = porteur(numero, auth);
        byte[] contenu;
        try {
            contenu = fichier == null ? null : fichier.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Lecture de la convention signée du dossier " + numero, e);
        }
        DocumentConvention signee = signerConvention.signer(dossier, signataire, fichier == null ? null : fichier.getOriginalFilename(),
                contenu);
        return new ContratDepot.ConventionSignee(numero, dossier.statut().name(),
                new ContratDepot.DocumentSigne(signee.sha256(), signee.taille(), signee.signataire()));
    }

    /** The signature used to be JSON: say plainly what is expected now. */
    @Operation(hidden = true)
    @PostMapping(path = "/{numero}/convention/signature", consumes = "!" + MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ProblemDetail> signatureSansFichier(@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String type) {
        ResponseEntity<ProblemDetail> r = Problemes.reponse(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Envoi multipart/form-data attendu",
                "La convention signée se dépose en multipart/form-data : une partie « fichier » (la convention signée, au format "
                        + "PDF, 10 Mo au plus) et un champ « signataire » (nom et qualité de la personne qui signe pour la structure). "
                        + "Type reçu : " + (type == null ? "aucun" : type.split(";")[0].strip()) + ".");
        return ResponseEntity.status(r.getStatusCode()).headers(r.getHeaders()).header("Accept-Post", MediaType.MULTIPART_FORM_DATA_VALUE)
                .body(r.getBody());
    }

    record Bilan(String commentaire) {
    }

    @Operation(summary = "Déposer le bilan annuel (activité et compte rendu financier)")
    @PostMapping(path = "/{numero}/bilans/{annee}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ContratDepot.BilanDepose> bilan(@PathVariable String numero, @PathVariable int annee,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth, @RequestBody Bilan corps) {
        deposerBilan.deposer(porteur(numero, auth), annee, corps.commentaire());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ContratDepot.BilanDepose(numero, annee, "DEPOSE"));
    }

    private Dossier porteur(String numero, String authorization) {
        return accesPorteur.dossier(numero, authorization);
    }

    static class JsonIllisible extends RuntimeException {
        JsonIllisible(String detail) {
            super(detail);
        }
    }

    @ExceptionHandler(JsonIllisible.class)
    ResponseEntity<ProblemDetail> jsonIllisible(JsonIllisible e) {
        return Problemes.reponse(HttpStatus.BAD_REQUEST, "JSON mal formé", e.getMessage());
    }
}
