package fr.gouv.fabriques.web;

import fr.gouv.fabriques.application.ds.ConnecteurDs;
import fr.gouv.fabriques.application.ds.DsProperties;
import fr.gouv.fabriques.application.ds.LecturesAnticipees;
import fr.gouv.fabriques.securite.LimitesProperties;
import fr.gouv.fabriques.securite.Limiteur;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * DS's webhook ({@code POST /api/ds/webhook}, form-encoded {@code dossier_id}…): unauthenticated because DS signs nothing, so it
 * carries no data — it only asks for an early read of that dossier through the API, coalesced with the other hints and limited
 * for all senders together ({@code fabriques.ds.webhook.*}, 429 beyond).
 */
@RestController
@Tag(name = "démarches-simplifiées")
class DsWebhookController {

    private final ConnecteurDs connecteur;
    private final LecturesAnticipees anticipees;
    private final Limiteur limiteur;

    DsWebhookController(ConnecteurDs connecteur, LecturesAnticipees anticipees, DsProperties proprietes) {
        this.connecteur = connecteur;
        this.anticipees = anticipees;
        this.limiteur = new Limiteur(new LimitesProperties.Limite(proprietes.webhook().capacite(), proprietes.webhook().periode()), 1);
    }

    @Operation(summary = "Webhook de démarches-simplifiées", description = "Demande une lecture anticipée du dossier dossier_id (202) ; "
            + "rien de la requête n'est cru. 422 sans dossier_id numérique, 429 au-delà de la limite, 404 si le connecteur est désactivé.")
    @ApiResponse(responseCode = "202", description = "Lecture anticipée demandée", content = @Content)
    @PostMapping(path = "/api/ds/webhook", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<?> signaler(@RequestParam(name = "dossier_id", required = false) String dossierId) {
        if (!connecteur.actif()) {
            return Problemes.reponse(HttpStatus.NOT_FOUND, "Connecteur désactivé", "Le connecteur démarches-simplifiées n'est pas actif.");
        }
        if (dossierId == null || !dossierId.strip().matches("\\d{1,9}")) {
            return Problemes.reponse(HttpStatus.UNPROCESSABLE_ENTITY, "Paramètre invalide", "dossier_id : numéro de dossier DS attendu",
                    List.of(new fr.gouv.fabriques.domain.Violation("dossier_id", "numéro de dossier DS attendu (chiffres)")));
        }
        Optional<Duration> attente = limiteur.consommer("ds");
        if (attente.isPresent()) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, attente.get().toSeconds())))
                    .body(Problemes.reponse(HttpStatus.TOO_MANY_REQUESTS, "Trop de signalements", "Réessayez plus tard ; la lecture planifiée "
                            + "prendra le dossier de toute façon.").getBody());
        }
        anticipees.signaler(Integer.parseInt(dossierId.strip()));
        return ResponseEntity.accepted().build();
    }
}
