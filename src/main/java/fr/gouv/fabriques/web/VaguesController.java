package fr.gouv.fabriques.web;

import fr.gouv.fabriques.application.comite.DecrireSeance;
import fr.gouv.fabriques.application.comite.DeciderEnBloc;
import fr.gouv.fabriques.application.comite.ProposerDecisions;
import fr.gouv.fabriques.domain.PublicationVague;
import io.swagger.v3.oas.annotations.media.Schema;
import fr.gouv.fabriques.application.port.AnnuaireAgents.Agent;
import fr.gouv.fabriques.application.port.ClassementVague;
import fr.gouv.fabriques.application.vague.ConsulterVagues;
import fr.gouv.fabriques.application.vague.CreerVague;
import fr.gouv.fabriques.application.vague.DemanderClotureVague;
import fr.gouv.fabriques.application.vague.ReporterDateLimite;
import fr.gouv.fabriques.domain.ReportDateLimite;
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

/** Waves, for programme managers (create, move the deadline later, close) and the committee (the session's list, bulk decisions). */
@RestController
@RequestMapping(path = "/api/agents/vagues", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Vagues et comité", description = "Vagues des deux appels, séance et décisions du comité de sélection")
@SecurityRequirement(name = WebConfiguration.SECURITE_AGENTS)
class VaguesController {

    private final ConsulterVagues consulterVagues;
    private final CreerVague creerVague;
    private final DemanderClotureVague demanderCloture;
    private final DecrireSeance decrireSeance;
    private final DeciderEnBloc deciderEnBloc;
    private final ReporterDateLimite reporterDateLimite;

    VaguesController(ConsulterVagues consulterVagues, CreerVague creerVague, DemanderClotureVague demanderCloture,
            DecrireSeance decrireSeance, DeciderEnBloc deciderEnBloc, ReporterDateLimite reporterDateLimite) {
        this.reporterDateLimite = reporterDateLimite;
        this.consulterVagues = consulterVagues;
        this.creerVague = creerVague;
        this.demanderCloture = demanderCloture;
        this.decrireSeance = decrireSeance;
        this.deciderEnBloc = deciderEnBloc;
    }

    @Schema(description = "Résultat de la dernière publication des décisions de la vague (faite en tâche de fond après « Arrêter les décisions »)")
    record PublicationVue(@Schema(description = "PUBLIEE ou REFUSEE") String etat, Instant le, String demandeePar, int laureats, int refuses,
            int ajournes, int reportes, long engagement, @Schema(description = "Motif du refus (quota ou enveloppe)") String refus) {
        static PublicationVue de(PublicationVague p) {
            return p == null ? null : new PublicationVue(p.publiee() ? "PUBLIEE" : "REFUSEE", p.le(), p.demandeePar(), p.laureats(), p.refuses(),
                    p.ajournes(), p.reportes(), p.engagement(), p.refus());
        }
    }

    @Schema(description = "Report de la date limite de dépôt par un gestionnaire")
    record ReportVue(Instant le, String decidePar, Instant ancienneDateLimite, Instant nouvelleDateLimite, LocalDate ancienneDateComite,
            LocalDate nouvelleDateComite, String motif) {
        static ReportVue de(ReportDateLimite r) {
            return new ReportVue(r.le(), r.decidePar(), r.ancienneDateLimite(), r.nouvelleDateLimite(), r.ancienneDateComite(),
                    r.nouvelleDateComite(), r.motif());
        }
    }

    record VagueVue(String code, String appel, Instant dateLimite, String dateLimiteParis,
            @Schema(description = "Date de la séance du comité : échéance des tâches « Préparer la séance » et « Décider du dossier »")
            LocalDate dateComite, String etat, PublicationVue publication,
            @Schema(description = "Reports de la date limite, du plus ancien au plus récent") List<ReportVue> reports) {
        static VagueVue de(Vague v) {
            return de(v, null, List.of());
        }

        static VagueVue de(Vague v, PublicationVague p, List<ReportDateLimite> reports) {
            return new VagueVue(v.code(), v.appel().name(), v.dateLimite(), v.dateLimiteLisible(), v.dateComite(), v.etat().name(),
                    PublicationVue.de(p), reports.stream().map(ReportVue::de).toList());
        }
    }

    @Operation(summary = "Lister les vagues", description = "Par date limite ; états OUVERTE, CLOSE, DELIBEREE.")
    @GetMapping
    @GroupesAutorises({"gestionnaires", "comite-selection", "instructeurs", "analystes", "camunda-admin"})
    List<VagueVue> lister() {
        Map<String, PublicationVague> publications = consulterVagues.publications();
        Map<String, List<ReportDateLimite>> reports = consulterVagues.reports();
        return consulterVagues.toutes().stream().map(v -> VagueVue.de(v, publications.get(v.code()), reports.getOrDefault(v.code(), List.of())))
                .toList();
    }

    record NouvelleVague(String code, String appel, String dateLimite, String dateComite) {
    }

    @Operation(summary = "Ouvrir une vague", description = "dateLimite : date-heure ISO-8601 avec décalage (ex. 2027-03-30T23:59:59+02:00). "
            + "Le processus du comité de la vague démarre et attend la date limite.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @GroupesAutorises({"gestionnaires"})
    ResponseEntity<VagueVue> creer(@RequestBody NouvelleVague corps) {
        Instant limite = dateLimite(corps.dateLimite());
        LocalDate comite = dateComite(corps.dateComite());
        Vague v = creerVague.creer(corps.code(), corps.appel(), limite, comite);
        return ResponseEntity.created(URI.create("/api/agents/vagues/" + v.code())).body(VagueVue.de(v));
    }

    private static Instant dateLimite(String texte) {
        try {
            return texte == null ? null : OffsetDateTime.parse(texte).toInstant();
        } catch (DateTimeParseException e) {
            throw new ErreursValidation("dateLimite", "date-heure ISO-8601 avec décalage attendue, ex. 2027-03-30T23:59:59+02:00 ; reçu : « "
                    + texte + " »");
        }
    }

    private static LocalDate dateComite(String texte) {
        try {
            return texte == null ? null : LocalDate.parse(texte);
        } catch (DateTimeParseException e) {
            throw new ErreursValidation("dateComite", "date ISO-8601 attendue, ex. 2027-05-12 ; reçu : « " + texte + " »");
        }
    }

    @Operation(summary = "Clôturer une vague avant sa date limite", description = "Le comité de la vague se met en route.")
    @PostMapping("/{code}/cloture")
    @GroupesAutorises({"gestionnaires"})
    Map<String, String> cloturer(@PathVariable String code) {
        demanderCloture.cloturer(code);
        return Map.of("code", code, "etat", "CLOSE");
    }

    record NouvelleDateLimite(@Schema(description = "Nouvelle date-heure limite, ISO-8601 avec décalage, après l'actuelle",
            example = "2027-04-30T23:59:59+02:00") String dateLimite,
            @Schema(description = "Nouvelle date de comité (facultative ; obligatoire si la nouvelle date limite l'atteint)",
                    example = "2027-06-15") String dateComite,
            @Schema(description = "Pourquoi la date limite recule (enregistré)", example = "Prolongation décidée après la réunion des préfets")
            String motif) {
    }

    @Operation(summary = "Reporter la date limite de dépôt d'une vague ouverte",
            description = "La date limite ne fait que reculer (pour clore plus tôt : POST …/cloture), reste dans le futur et ne dépasse pas "
                    + "la fin du programme (fabriques.programme.fin). Le minuteur du comité de la vague est redaté, la vague mise à jour "
                    + "et le report enregistré (qui, quand, motif : GET /api/agents/vagues, champ reports), dans une seule transaction. "
                    + "422 : champ invalide (dateLimite, dateComite, motif) ; 409 : vague inconnue, non ouverte ou dont la date limite est passée.")
    @PutMapping(path = "/{code}/date-limite", consumes = MediaType.APPLICATION_JSON_VALUE)
    @GroupesAutorises({"gestionnaires"})
    VagueVue reporterDateLimite(@PathVariable String code, @RequestBody NouvelleDateLimite corps, @Parameter(hidden = true) Agent agent) {
        Instant limite = dateLimite(corps.dateLimite());
        LocalDate comite = dateComite(corps.dateComite());
        Vague v = reporterDateLimite.reporter(code, limite, comite, corps.motif(), agent.id());
        return VagueVue.de(v, null, consulterVagues.reports().getOrDefault(code, List.of()));
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
                    + "rien n'est enregistré si une ligne est invalide. La tâche « Décider du dossier » de chaque dossier décidé est terminée ; "
                    + "les autres restent ouvertes. Un gestionnaire publie ensuite (« Arrêter les décisions »).")
    @PutMapping(path = "/{code}/decisions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @GroupesAutorises({"comite-selection"})
    ContratDepot.DecisionsEnregistrees proposer(@PathVariable String code, @RequestBody List<ProposerDecisions.Ligne> lignes,
            @Parameter(hidden = true) Agent agent) {
        return new ContratDepot.DecisionsEnregistrees(code, deciderEnBloc.decider(code, lignes, agent.id()));
    }
}
