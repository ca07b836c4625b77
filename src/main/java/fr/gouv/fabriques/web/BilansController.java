package fr.gouv.fabriques.web;

import fr.gouv.fabriques.application.piece.FichierRecu;
import fr.gouv.fabriques.application.versement.DeposerBilanAvecPieces;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The laureate's annual report with its attachments (multipart); the JSON variant without files is in {@link DossierController}. */
@RestController
@RequestMapping(path = "/api/dossiers", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Porteurs")
@SecurityRequirement(name = WebConfiguration.SECURITE_PORTEUR)
class BilansController {

    private final AccesPorteurHttp accesPorteur;
    private final DeposerBilanAvecPieces deposerBilan;

    BilansController(AccesPorteurHttp accesPorteur, DeposerBilanAvecPieces deposerBilan) {
        this.accesPorteur = accesPorteur;
        this.deposerBilan = deposerBilan;
    }

    @Operation(summary = "Déposer le bilan annuel avec ses pièces",
            description = "multipart/form-data : « commentaire » (synthèse de l'activité et des comptes, 10 à 10 000 caractères), "
                    + "« bilanActivite » et « compteRenduFinancier » (fichiers PDF, ODT, DOCX, PNG ou JPEG, 10 Mo au plus chacun). "
                    + "Tout est enregistré, ou rien. Le versement de l'année suivante attend l'approbation de ce bilan.")
    @PostMapping(path = "/{numero}/bilans/{annee}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ContratDepot.BilanDepose> deposer(@PathVariable String numero, @PathVariable int annee,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
            @RequestParam(name = "commentaire", required = false) String commentaire,
            @RequestParam(name = "bilanActivite", required = false) List<MultipartFile> bilanActivite,
            @RequestParam(name = "compteRenduFinancier", required = false) List<MultipartFile> compteRendu) {
        deposerBilan.deposer(accesPorteur.dossier(numero, auth), annee, commentaire, lire(bilanActivite), lire(compteRendu));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ContratDepot.BilanDepose(numero, annee, "DEPOSE"));
    }

    private static List<FichierRecu> lire(List<MultipartFile> fichiers) {
        List<FichierRecu> recus = new ArrayList<>();
        if (fichiers != null) {
            for (MultipartFile f : fichiers) {
                try {
                    recus.add(new FichierRecu(f.getOriginalFilename(), f.getBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException("Lecture de « " + f.getOriginalFilename() + " »", e);
                }
            }
        }
        return recus;
    }
}
