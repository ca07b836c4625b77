package fr.gouv.fabriques.web;

import fr.gouv.fabriques.application.fin.AnnulerDossier;
import fr.gouv.fabriques.application.fin.RetirerDossier;
import fr.gouv.fabriques.application.port.AnnuaireAgents.Agent;
import fr.gouv.fabriques.application.port.FinDossierRepository;
import fr.gouv.fabriques.domain.StatutDossier;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ending a dossier before its closure: the applicant withdraws (or, laureate, renounces) with his
 * token; a gestionnaire asks for a cancellation that a second one validates in Tasklist.
 */
@RestController
@Tag(name = "Retrait et annulation", description = "Fin d'un dossier avant son terme : retrait ou renonciation du porteur, annulation par l'État")
class FinDossierController {

    private final RetirerDossier retirer;
    private final AnnulerDossier annuler;
    private final AccesPorteurHttp accesPorteur;

    FinDossierController(RetirerDossier retirer, AnnulerDossier annuler, AccesPorteurHttp accesPorteur) {
        this.retirer = retirer;
        this.annuler = annuler;
        this.accesPorteur = accesPorteur;
    }

    @Schema(description = "Motif du retrait, de la renonciation ou de l'annulation")
    record Motif(@Schema(description = "Pourquoi (porteur : 5 à 2 000 caractères ; annulation : 10 à 2 000)",
            requiredMode = Schema.RequiredMode.REQUIRED, example = "La structure a trouvé un autre financement") String motif) {
    }

    @Operation(summary = "Retirer le dossier (porteur), ou renoncer à la subvention (lauréat)",
            description = "Avec le jeton du dossier. Avant la décision du comité, le dossier est « retiré par le porteur » ; lauréat, avant "
                    + "ou après la signature de la convention, « renoncé par le lauréat » : la place et les sommes non versées reviennent "
                    + "au programme, la convention devient caduque (non signée par l'État) ou résiliée. Effet immédiat : les tâches en "
                    + "cours sont annulées. 409 si le dossier est déjà clos ; 422 si le motif manque.")
    @PostMapping(path = "/api/dossiers/{numero}/retrait", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<ContratDepot.StatutFinal> retirer(@PathVariable String numero,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth, @RequestBody Motif corps) {
        StatutDossier fin = retirer.retirer(accesPorteur.dossier(numero, auth), corps.motif());
        return ResponseEntity.ok(new ContratDepot.StatutFinal(numero, fin.name(), fin.libelle()));
    }

    @Schema(description = "Demande d'annulation, en attente de la validation d'un second gestionnaire")
    record DemandeVue(String numero, String etat, String motif, String demandeePar, Instant demandeeLe) {
    }

    @Operation(summary = "Demander l'annulation d'un dossier (fraude, dissolution…)",
            description = "Gestionnaires. La demande, motivée, attend dans Tasklist la validation d'un autre gestionnaire (« Valider "
                    + "l'annulation du dossier ») ; validée, le dossier est « annulé par l'État » (tâches annulées, place et sommes non "
                    + "versées rendues au programme, porteur prévenu). 409 si le dossier est clos ou qu'une demande attend déjà ; 422 "
                    + "si le motif manque ou dépasse 2 000 caractères.")
    @SecurityRequirement(name = WebConfiguration.SECURITE_AGENTS)
    @PostMapping(path = "/api/agents/dossiers/{numero}/annulation", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @GroupesAutorises({"gestionnaires"})
    ResponseEntity<DemandeVue> annuler(@PathVariable String numero, @RequestBody Motif corps, @Parameter(hidden = true) Agent agent) {
        FinDossierRepository.FinDossier d = annuler.demander(numero, corps.motif(), agent.id());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new DemandeVue(numero, d.etat().name(), d.motif(), d.demandeePar(), d.demandeeLe()));
    }
}
