package fr.gouv.fabriques.web;

import fr.gouv.fabriques.application.migration.MigrerVersionsProcessus;
import fr.gouv.fabriques.application.migration.MigrerVersionsProcessus.Rapport;
import fr.gouv.fabriques.application.port.AnnuaireAgents.Agent;
import fr.gouv.fabriques.application.port.VersionsProcessus.Attente;
import fr.gouv.fabriques.application.port.VersionsProcessus.Correspondance;
import fr.gouv.fabriques.application.port.VersionsProcessus.Plan;
import fr.gouv.fabriques.application.port.VersionsProcessus.Processus;
import fr.gouv.fabriques.application.port.VersionsProcessus.Version;
import fr.gouv.fabriques.domain.Violation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The versions of the processes and the migration of running instances to another version
 * (README « Nouvelle version d'un processus : migrer les dossiers en cours », ADR 0016): what
 * Cockpit's migration screen does in the Enterprise edition, for programme managers.
 */
@RestController
@RequestMapping(path = "/api/agents/versions", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Versions des processus", description = "Instances en cours par version de chaque processus ; plan de migration vers une autre "
        + "version (mêmes activités), vérifié, puis exécuté en lot avec un motif, journalisé")
@SecurityRequirement(name = WebConfiguration.SECURITE_AGENTS)
class VersionsProcessusController {

    private final MigrerVersionsProcessus migrer;

    VersionsProcessusController(MigrerVersionsProcessus migrer) {
        this.migrer = migrer;
    }

    @Schema(description = "Un processus du projet (un fichier de bpmn/) et ses versions déployées, la plus récente d'abord")
    record ProcessusVue(@Schema(description = "Clé courte : le nom du fichier BPMN", example = "dossier") String cle,
            @Schema(example = "Process_Dossier") String cleMoteur, String nom, long instancesEnCours, List<VersionVue> versions) {
        static ProcessusVue de(Processus p) {
            return new ProcessusVue(p.cle(), p.cleMoteur(), p.nom(), p.instancesEnCours(), p.versions().stream().map(VersionVue::de).toList());
        }
    }

    @Schema(description = "Une version déployée d'un processus et ses instances en cours")
    record VersionVue(int version, String versionTag, String definitionId, String deploiementId, String deploiementNom, Instant deploieLe,
            long instancesEnCours) {
        static VersionVue de(Version v) {
            return new VersionVue(v.version(), v.versionTag(), v.definitionId(), v.deploiementId(), v.deploiementNom(), v.deploieLe(),
                    v.instancesEnCours());
        }
    }

    @Schema(description = "Plan de migration vérifié : correspondances, activités sans correspondance, erreurs (en français, par champ), "
            + "instances concernées et où elles attendent")
    record PlanVue(String cle, String cleMoteur, VersionVue source, VersionVue cible,
            @Schema(description = "Vrai si le plan peut être exécuté : aucune erreur et au moins une instance") boolean valide,
            List<Correspondance> correspondances,
            @Schema(description = "Activités de la version source sans activité de même identifiant dans la cible : une instance qui y "
                    + "attend ne peut pas migrer ; un minuteur ou un message qui y est attaché disparaît") List<String> sansCorrespondance,
            List<Violation> erreurs, int nombreInstances, List<InstanceVue> instances) {
        static PlanVue de(Plan p) {
            return new PlanVue(p.cle(), p.cleMoteur(), VersionVue.de(p.source()), VersionVue.de(p.cible()), p.valide(), p.correspondances(),
                    p.sansCorrespondance(), p.erreurs(), p.instances().size(), p.instances().stream()
                            .map(i -> new InstanceVue(i.id(), i.cleMetier(), i.attentes())).toList());
        }
    }

    @Schema(description = "Une instance du plan : sa clé métier (numéro du dossier, code de la vague) et où elle attend")
    record InstanceVue(String id, String cleMetier, List<Attente> attentes) {
    }

    @Schema(description = "Migration à lancer")
    record NouvelleMigration(
            @Schema(description = "Version source (numéro)", example = "3", requiredMode = Schema.RequiredMode.REQUIRED) String source,
            @Schema(description = "Version cible (numéro), en général la dernière", example = "4", requiredMode = Schema.RequiredMode.REQUIRED)
            String cible,
            @Schema(description = "Clés métier des instances à migrer (numéros de dossier, codes de vague ; 1 000 au plus) ; ou bien toutes")
            List<String> clesMetier,
            @Schema(description = "true : toutes les instances en cours de la version source") Boolean toutes,
            @Schema(description = "Pourquoi (10 à 2 000 caractères), gardé au journal des migrations", requiredMode = Schema.RequiredMode.REQUIRED)
            String motif) {
    }

    @Schema(description = "Une migration lancée (qui, quand, de quelle version vers laquelle, combien, pourquoi) et où en est son lot")
    record RapportVue(long id, String cle, int versionSource, int versionCible, int nombreInstances, List<String> clesMetier, String motif,
            String lanceePar, Instant lanceeLe, String batchId,
            @Schema(description = "EN_COURS, EN_ECHEC (seuls restent des lots en échec : incidents dans Cockpit) ou TERMINE") String etat,
            @Schema(description = "Instances maintenant sur la version cible") int migrees,
            @Schema(description = "Instances en cours encore sur une autre version") int nonMigrees,
            @Schema(description = "Instances terminées depuis le lancement") int terminees,
            @Schema(description = "Lots en échec") int echecs, List<String> messagesEchec) {
        static RapportVue de(Rapport r) {
            var m = r.migration();
            var s = r.suivi();
            return new RapportVue(m.id(), m.cle(), m.versionSource(), m.versionCible(), m.instances().size(), m.clesMetier(), m.motif(),
                    m.lanceePar(), m.lanceeLe(), m.batchId(), s.etat().name(), s.migrees(), s.nonMigrees(), s.terminees(), s.echecs(),
                    s.messagesEchec());
        }
    }

    @Operation(summary = "Versions des processus et instances en cours sur chacune",
            description = "Par processus (clé courte = nom du fichier BPMN : dossier, instruction, versement-annuel…) : chaque version "
                    + "déployée, son versionTag, son déploiement, et le nombre d'instances en cours.")
    @GetMapping
    @GroupesAutorises({"gestionnaires", "analystes", "camunda-admin"})
    List<ProcessusVue> versions() {
        return migrer.processus().stream().map(ProcessusVue::de).toList();
    }

    @Operation(summary = "Plan de migration d'une version vers une autre",
            description = "Mêmes activités (identifiants égaux) ; vérifié par le moteur, puis : les formulaires liés au déploiement "
                    + "doivent être dans le déploiement de la version cible, et chaque instance doit attendre dans une activité qui a "
                    + "sa correspondance. Rien n'est modifié. 422 nommant cle, source, cible ou clesMetier[i].")
    @GetMapping("/{cle}/plan")
    @GroupesAutorises({"gestionnaires"})
    PlanVue plan(@PathVariable String cle, @RequestParam(name = "source", required = false) String source,
            @RequestParam(name = "cible", required = false) String cible,
            @Parameter(description = "Clés métier, séparées par des virgules ; toutes les instances de la version source sinon")
            @RequestParam(name = "clesMetier", required = false) List<String> clesMetier) {
        return PlanVue.de(migrer.planifier(cle, source, cible, clesMetier));
    }

    @Operation(summary = "Lancer une migration",
            description = "Le plan est recalculé et vérifié ; valide, les instances choisies (clesMetier) ou toutes celles de la version "
                    + "source (toutes: true) migrent en lot, en tâche de fond ; la migration est journalisée (qui, quand, versions, "
                    + "nombre, motif). 202 avec le rapport ; 422 nommant le champ fautif ou les erreurs du plan ; 409 s'il n'y a aucune "
                    + "instance à migrer.")
    @ApiResponse(responseCode = "202", description = "Lot lancé ; suivre /api/agents/versions/migrations/{id}")
    @PostMapping(path = "/{cle}/migrations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @GroupesAutorises({"gestionnaires"})
    ResponseEntity<RapportVue> lancer(@PathVariable String cle, @RequestBody NouvelleMigration corps, @Parameter(hidden = true) Agent agent) {
        Rapport r = migrer.lancer(cle, corps.source(), corps.cible(), corps.clesMetier(), corps.toutes(), corps.motif(), agent.id());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/agents/versions/migrations/" + r.migration().id()))
                .body(RapportVue.de(r));
    }

    @Operation(summary = "Journal des migrations", description = "Les plus récentes d'abord, chacune avec l'état de son lot.")
    @GetMapping("/migrations")
    @GroupesAutorises({"gestionnaires", "analystes", "camunda-admin"})
    List<RapportVue> migrations() {
        return migrer.migrations().stream().map(RapportVue::de).toList();
    }

    @Operation(summary = "Une migration et l'état de son lot", description = "404 si elle n'existe pas.")
    @ApiResponse(responseCode = "200", description = "La migration et son rapport",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = RapportVue.class)))
    @GetMapping("/migrations/{id}")
    @GroupesAutorises({"gestionnaires", "analystes", "camunda-admin"})
    ResponseEntity<?> migration(@PathVariable long id) {
        Optional<Rapport> r = migrer.migration(id);
        if (r.isEmpty()) {
            return Problemes.reponse(HttpStatus.NOT_FOUND, "Migration introuvable", "Aucune migration n° " + id + ".");
        }
        return ResponseEntity.ok(RapportVue.de(r.get()));
    }
}
