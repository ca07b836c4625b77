package fr.gouv.fabriques.web;

import fr.gouv.fabriques.application.comite.DecrireSeance;
import fr.gouv.fabriques.application.comite.ProposerDecisions;
import fr.gouv.fabriques.application.port.AnnuaireAgents.Agent;
import fr.gouv.fabriques.application.port.ClassementVague;
import fr.gouv.fabriques.application.vague.ConsulterVagues;
import fr.gouv.fabriques.application.vague.CreerVague;
import fr.gouv.fabriques.application.vague.DemanderClotureVague;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.Vague;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Waves, for programme managers (create, close) and the committee (the session's list, bulk decisions). */
@RestController
@RequestMapping(path = "/api/agents/vagues", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Vagues et comité", description = "Vagues des deux appels, séance et décisions du comité de sélection")
@SecurityRequirement(name = WebConfiguration.SECURITE_AGENTS)
class VaguesController {

    private final ConsulterVagues consulterVagues;
    private final CreerVague creerVague;
    private final DemanderClotureVague demanderCloture;
    private final DecrireSeance decrireSeance;
    private final ProposerDecisions proposerDecisions;

    VaguesController(ConsulterVagues consulterVagues, CreerVague creerVague, DemanderClotureVague demanderCloture,
            DecrireSeance decrireSeance, ProposerDecisions proposerDecisions) {
        this.consulterVagues = consulterVagues;
        this.creerVague = creerVague;
        this.demanderCloture = demanderCloture;
        this.decrireSeance = decrireSeance;
        this.proposerDecisions = proposerDecisions;
    }

    record VagueVue(String code, String appel, Instant dateLimite, String dateLimiteParis, LocalDate dateComite, String etat) {
        static VagueVue de(Vague v) {
            return new VagueVue(v.code(), v.appel().name(), v.dateLimite(), v.dateLimiteLisible(), v.dateComite(), v.etat().name());
        }
    }

    @Operation(summary = "Lister les vagues", description = "Par date limite ; états OUVERTE, CLOSE, DELIBEREE.")
    @GetMapping
    @GroupesAutorises({"gestionnaires", "comite-selection", "instructeurs", "analystes", "camunda-admin"})
    List<VagueVue> lister() {
        return consulterVagues.toutes().stream().map(VagueVue::de).toList();
    }

    record NouvelleVague(String code, String appel, String dateLimite, String dateComite) {
    }

    @Operation(summary = "Ouvrir une vague", description = "dateLimite : date-heure ISO-8601 avec décalage (ex. 2027-03-30T23:59:59+02:00). "
            + "Le processus du comité de la vague démarre et attend la date limite.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @GroupesAutorises({"gestionnaires"})
    ResponseEntity<VagueVue> creer(@RequestBody NouvelleVague corps) {
        Instant limite = null;
        LocalDate comite = null;
        try {
            limite = corps.dateLimite() == null ? null : OffsetDateTime.parse(corps.dateLimite()).toInstant();
        } catch (DateTimeParseException e) {
            throw new ErreursValidation("dateLimite", "date-heure ISO-8601 avec décalage attendue, ex. 2027-03-30T23:59:59+02:00 ; reçu : « "
                    + corps.dateLimite() + " »");
        }
        try {
            comite = corps.dateComite() == null ? null : LocalDate.parse(corps.dateComite());
        } catch (DateTimeParseException e) {
            throw new ErreursValidation("dateComite", "date ISO-8601 attendue, ex. 2027-05-12 ; reçu : « " + corps.dateComite() + " »");
        }
        Vague v = creerVague.creer(corps.code(), corps.appel(), limite, comite);
        return ResponseEntity.created(URI.create("/api/agents/vagues/" + v.code())).body(VagueVue.de(v));
    }

    @Operation(summary = "Clôturer une vague avant sa date limite", description = "Le comité de la vague se met en route.")
    @PostMapping("/{code}/cloture")
    @GroupesAutorises({"gestionnaires"})
    Map<String, String> cloturer(@PathVariable String code) {
        demanderCloture.cloturer(code);
        return Map.of("code", code, "etat", "CLOSE");
    }

    @Operation(summary = "Ordre du jour de la séance", description = "Dossiers instruits de la vague classés par score dans chaque catégorie, "
            + "avec les décisions déjà proposées.")
    @GetMapping("/{code}/seance")
    @GroupesAutorises({"gestionnaires", "comite-selection"})
    List<ClassementVague.Ligne> seance(@PathVariable String code) {
        return decrireSeance.dossiers(code);
    }

    @Operation(summary = "Proposer les décisions du comité en bloc",
            description = "Une ligne par dossier : decision LAUREAT (montant1..3), REFUSE (motivation) ou AJOURNE. Chaque ligne est vérifiée ; "
                    + "rien n'est enregistré si une ligne est invalide. Un gestionnaire les publie ensuite (« Arrêter les décisions »).")
    @PutMapping(path = "/{code}/decisions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @GroupesAutorises({"comite-selection"})
    Map<String, Object> proposer(@PathVariable String code, @RequestBody List<ProposerDecisions.Ligne> lignes,
            @Parameter(hidden = true) Agent agent) {
        return Map.of("vague", code, "decisionsEnregistrees", proposerDecisions.proposer(code, lignes, agent.id()));
    }
}
