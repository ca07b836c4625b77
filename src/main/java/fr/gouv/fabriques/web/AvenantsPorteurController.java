package fr.gouv.fabriques.web;

import fr.gouv.fabriques.application.avenant.EtablirAvenant;
import fr.gouv.fabriques.application.avenant.SignerAvenantPorteur;
import fr.gouv.fabriques.application.avenant.TelechargerAvenant;
import fr.gouv.fabriques.domain.Avenant;
import fr.gouv.fabriques.domain.Dossier;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The laureate's side of an amendment (access token): download amendment n°k, send it back signed. */
@RestController
@RequestMapping(path = "/api/dossiers/{numero}/avenants", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Porteurs", description = "Dépôt d'un dossier et suivi par le porteur (jeton d'accès)")
@SecurityRequirement(name = WebConfiguration.SECURITE_PORTEUR)
class AvenantsPorteurController {

    private final AccesPorteurHttp accesPorteur;
    private final TelechargerAvenant telecharger;
    private final SignerAvenantPorteur signer;

    AvenantsPorteurController(AccesPorteurHttp accesPorteur, TelechargerAvenant telecharger, SignerAvenantPorteur signer) {
        this.accesPorteur = accesPorteur;
        this.telecharger = telecharger;
        this.signer = signer;
    }

    @Operation(summary = "Télécharger l'avenant n°k à signer (PDF)",
            description = "Authorization: Bearer {jetonAcces}. En-têtes ETag et Repr-Digest (SHA-256). 401 sans jeton ; 404 si le numéro "
                    + "ou le jeton ne correspondent pas, ou si l'avenant n'est pas établi.")
    @ApiResponse(responseCode = "200", description = "Le PDF, en pièce jointe",
            content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary")))
    @GetMapping(path = "/{k}", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> telecharger(@PathVariable String numero, @PathVariable int k,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth) {
        Dossier dossier = accesPorteur.dossier(numero, auth);
        return ReponseDocumentConvention.pdf(telecharger.etabli(dossier, k), EtablirAvenant.nomFichier(numero, k));
    }

    @Operation(summary = "Déposer l'avenant n°k signé (porteur)",
            description = "multipart/form-data : partie « fichier », l'avenant signé au format PDF (reconnu à son contenu, 10 Mo au plus), "
                    + "et champ « signataire », nom et qualité de la personne qui signe pour la structure (3 à 200 caractères) : les "
                    + "contrôles de la signature de la convention. Authorization: Bearer {jetonAcces}. La réponse donne le SHA-256 du "
                    + "fichier enregistré. 422 champ par champ (un fichier identique à l'avenant non signé est refusé) ; 413 au-delà de "
                    + "10 Mo ; 404 avenant inconnu ; 409 si l'avenant n'attend pas la signature du porteur (rejeté, caduc, déjà signé…).")
    @PostMapping(path = "/{k}/signature", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ContratDepot.AvenantSigne signer(@PathVariable String numero, @PathVariable int k,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
            @Parameter(description = "L'avenant signé, au format PDF (10 Mo au plus)")
            @RequestPart(name = "fichier", required = false) MultipartFile fichier,
            @Parameter(description = "Nom et qualité du signataire pour la structure (3 à 200 caractères)")
            @RequestPart(name = "signataire", required = false) String signataire) {
        Dossier dossier = accesPorteur.dossier(numero, auth);
        byte[] contenu;
        try {
            contenu = fichier == null ? null : fichier.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Lecture de l'avenant signé du dossier " + numero, e);
        }
        Avenant a = signer.signer(dossier, k, signataire, fichier == null ? null : fichier.getOriginalFilename(), contenu);
        return new ContratDepot.AvenantSigne(numero, k, a.etat().name(),
                new ContratDepot.SignatureAvenant(a.signeSha256(), a.signatairePorteur()));
    }
}
