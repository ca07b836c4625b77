package fr.gouv.fabriques.web;

import fr.gouv.fabriques.application.piece.DeposerPieces;
import fr.gouv.fabriques.application.piece.FichierRecu;
import fr.gouv.fabriques.application.piece.ResultatDepotPieces;
import fr.gouv.fabriques.application.piece.TelechargerPiece;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.Piece;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The applicant's attachments (the API contract (OpenAPI, README) « POST /api/dossiers/{numero}/pieces »), with his access token. */
@RestController
@RequestMapping("/api/dossiers/{numero}/pieces")
@Tag(name = "Porteurs", description = "Dépôt d'un dossier et suivi par le porteur (jeton d'accès)")
@SecurityRequirement(name = WebConfiguration.SECURITE_PORTEUR)
class PiecesController {

    private final AccesPorteurHttp accesPorteur;
    private final DeposerPieces deposerPieces;
    private final TelechargerPiece telecharger;

    PiecesController(AccesPorteurHttp accesPorteur, DeposerPieces deposerPieces, TelechargerPiece telecharger) {
        this.accesPorteur = accesPorteur;
        this.deposerPieces = deposerPieces;
        this.telecharger = telecharger;
    }

    record PieceVue(long id, String nom, String type, long taille, String sha256, String categorie, Instant deposeeLe,
            boolean dejaPresente) {
    }

    record ReponseDepot(String numero, long ajoutees, long dejaPresentes, String message, List<PieceVue> pieces) {
    }

    @Operation(summary = "Joindre des pièces au dossier",
            description = "multipart/form-data : une ou plusieurs parties « fichier », et « categorie » facultative "
                    + "(STATUTS, BUDGET_PREVISIONNEL, RIB, LETTRE_SOUTIEN, COMPLEMENT, BILAN_ACTIVITE, COMPTE_RENDU_FINANCIER, AUTRE ; par défaut COMPLEMENT quand le dossier "
                    + "attend des compléments, AUTRE sinon). Le type est reconnu d'après le contenu (PDF, PNG, JPEG, ODT, DOCX), jamais "
                    + "d'après le nom ni le Content-Type déclaré. 10 Mo au plus par fichier, 50 Mo au plus par dossier. Tous les fichiers "
                    + "d'un envoi sont enregistrés, ou aucun. Un contenu déjà présent dans le dossier (même SHA-256) n'est pas enregistré "
                    + "une seconde fois : « dejaPresente » le signale et donne la pièce existante. "
                    + "201 si au moins une pièce est ajoutée, 200 si toutes étaient déjà là ; 401 sans jeton ; 404 numéro ou jeton faux ; "
                    + "409 dossier clos ; 413 taille dépassée ; 422 type non reconnu ou fichier vide.")
    @ApiResponse(responseCode = "201", description = "Pièces enregistrées")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<ReponseDepot> deposer(@PathVariable String numero,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
            @Parameter(description = "Les fichiers (partie répétable)") @RequestParam(name = "fichier", required = false) List<MultipartFile> fichiers,
            @Parameter(description = "Catégorie des pièces de cet envoi") @RequestParam(name = "categorie", required = false) String categorie) {
        Dossier dossier = accesPorteur.dossier(numero, auth);
        List<FichierRecu> recus = new ArrayList<>();
        if (fichiers != null) {
            for (MultipartFile f : fichiers) {
                try {
                    recus.add(new FichierRecu(f.getOriginalFilename(), f.getBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException("Lecture de la pièce « " + f.getOriginalFilename() + " »", e);
                }
            }
        }
        ResultatDepotPieces r = deposerPieces.deposer(dossier, categorie, recus);
        List<PieceVue> vues = r.lignes().stream().map(l -> vue(l.piece(), l.dejaPresente())).toList();
        long deja = r.lignes().size() - r.ajoutees();
        String message = r.ajoutees() + (r.ajoutees() > 1 ? " pièces ajoutées" : " pièce ajoutée")
                + (deja == 0 ? "" : " ; " + deja + (deja > 1 ? " fichiers déjà présents" : " fichier déjà présent")
                        + " dans le dossier (même contenu) : non enregistré" + (deja > 1 ? "s" : "") + " une seconde fois");
        return ResponseEntity.status(r.ajoutees() > 0 ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new ReponseDepot(dossier.numero(), r.ajoutees(), deja, message, vues));
    }

    @Operation(summary = "Télécharger une de ses pièces",
            description = "Le contenu, avec le type reconnu au dépôt, en pièce jointe. 401 sans jeton ; 404 si le numéro, le jeton ou la pièce "
                    + "ne correspondent pas.")
    @ApiResponse(responseCode = "200", description = "Le fichier", content = @Content(mediaType = "application/octet-stream",
            schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/{id}")
    ResponseEntity<byte[]> telecharger(@PathVariable String numero, @PathVariable long id,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth) {
        return ReponsePiece.telechargement(telecharger.pourPorteur(accesPorteur.dossier(numero, auth), id));
    }

    static PieceVue vue(Piece p, boolean dejaPresente) {
        return new PieceVue(p.id(), p.nom(), p.type().mime(), p.taille(), p.sha256(), p.categorie().name(), p.deposeLe(), dejaPresente);
    }
}
