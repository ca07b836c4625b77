package fr.gouv.fabriques.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gouv.fabriques.application.convention.SignerConventionPorteur;
import fr.gouv.fabriques.application.depot.DemandeDepot;
import fr.gouv.fabriques.application.depot.DeposerDossier;
import fr.gouv.fabriques.application.depot.ResultatDepot;
import fr.gouv.fabriques.application.depot.ValidateurDepot;
import fr.gouv.fabriques.application.instruction.RepondreDemandeComplements;
import fr.gouv.fabriques.application.porteur.ConsulterDossierPorteur;
import fr.gouv.fabriques.application.porteur.VueDossierPorteur;
import fr.gouv.fabriques.application.versement.DeposerBilan;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.Violation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.springframework.web.bind.annotation.RestController;

/** The applicants' door (API.md): deposit, then follow and answer with the access token. */
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
    private final DeposerBilan deposerBilan;

    DossierController(ObjectMapper json, DeposerDossier deposerDossier, ValidateurDepot validateur, AccesPorteurHttp accesPorteur,
            ConsulterDossierPorteur consulter, RepondreDemandeComplements repondreComplements,
            SignerConventionPorteur signerConvention, DeposerBilan deposerBilan) {
        this.json = json;
        this.deposerDossier = deposerDossier;
        this.accesPorteur = accesPorteur;
        this.consulter = consulter;
        this.repondreComplements = repondreComplements;
        this.signerConvention = signerConvention;
        this.deposerBilan = deposerBilan;
    }

    @Operation(summary = "Déposer un dossier",
            description = "Le corps suit API.md. Réponse 201 avec le numéro et le jeton d'accès, montré une seule fois. "
                    + "422 liste chaque champ invalide ; 409 si un dossier est déjà ouvert pour ce SIRET. "
                    + "Un en-tête Idempotency-Key rejoué renvoie la première réponse.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> deposer(@RequestBody String corps,
            @Parameter(description = "Clé choisie par le client pour rejouer un dépôt sans créer de doublon")
            @RequestHeader(name = "Idempotency-Key", required = false) String cleIdempotence) {
        JsonNode racine;
        try {
            racine = json.readTree(corps);
        } catch (JsonProcessingException e) {
            throw new JsonIllisible(e.getOriginalMessage());
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
        Map<String, Object> corpsReponse = Map.of("numero", r.numero(), "jetonAcces", r.jetonAcces(), "statut", r.statut(),
                "vague", r.vague());
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
    Map<String, Object> complements(@PathVariable String numero, @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
            @RequestBody ReponseComplements corps) {
        return Map.of("numero", numero, "statut", repondreComplements.repondre(porteur(numero, auth), corps.message()).name());
    }

    record SignatureConvention(String signataire) {
    }

    @Operation(summary = "Signer la convention (porteur)")
    @PostMapping(path = "/{numero}/convention/signature", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> signerConvention(@PathVariable String numero,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth, @RequestBody SignatureConvention corps) {
        Dossier dossier = porteur(numero, auth);
        if (corps.signataire() == null || corps.signataire().strip().length() < 3 || corps.signataire().length() > 200) {
            throw new ErreursValidation("signataire", "nom et qualité du signataire pour la structure (3 à 200 caractères)");
        }
        return Map.of("numero", numero, "statut", signerConvention.signer(dossier).name());
    }

    record Bilan(String commentaire) {
    }

    @Operation(summary = "Déposer le bilan annuel (activité et compte rendu financier)")
    @PostMapping(path = "/{numero}/bilans/{annee}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> bilan(@PathVariable String numero, @PathVariable int annee,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth, @RequestBody Bilan corps) {
        deposerBilan.deposer(porteur(numero, auth), annee, corps.commentaire());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("numero", numero, "annee", annee, "statut", "DEPOSE"));
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
        List<Violation> v = new ArrayList<>();
        return Problemes.reponse(HttpStatus.BAD_REQUEST, "JSON mal formé",
                "Le corps de la requête n'est pas un JSON valide : " + e.getMessage(), v);
    }
}
