package fr.gouv.fabriques.web;

import fr.gouv.fabriques.application.port.AnnuaireAgents.Agent;
import fr.gouv.fabriques.application.port.HistoriqueDecisions.VagueDeliberee;
import fr.gouv.fabriques.application.port.SimulationRepository.Simulation;
import fr.gouv.fabriques.application.port.TablesCandidates;
import fr.gouv.fabriques.application.simulation.ConsulterSimulations;
import fr.gouv.fabriques.application.simulation.SimulerRegles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** « Simuler un changement de règle » for programme managers and analysts: replay past waves under candidate tables, quotas or envelope. */
@RestController
@RequestMapping(path = "/api/agents/simulations", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Simulation des règles", description = "Rejouer les vagues délibérées sous des tables DMN, des quotas ou une enveloppe candidats")
@SecurityRequirement(name = WebConfiguration.SECURITE_AGENTS)
class SimulationsController {

    private static final Logger LOG = LoggerFactory.getLogger(SimulationsController.class);

    private final SimulerRegles simuler;
    private final ConsulterSimulations consulter;

    SimulationsController(SimulerRegles simuler, ConsulterSimulations consulter) {
        this.simuler = simuler;
        this.consulter = consulter;
    }

    record Choix(List<VagueDeliberee> vagues, List<TablesCandidates.Deploiement> deploiements) {
    }

    @GetMapping("/choix")
    @GroupesAutorises({"gestionnaires", "analystes"})
    @Operation(summary = "Vagues délibérées et déploiements DMN qu'une simulation peut rejouer ou essayer")
    Choix choix() {
        return new Choix(simuler.vagues(), simuler.deploiements());
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @GroupesAutorises({"gestionnaires", "analystes"})
    @Operation(summary = "Lancer une simulation (tables candidates téléversées ou déploiement désigné ; quotas et enveloppe facultatifs)",
            description = "Parties : eligibilite, notation (fichiers .dmn, 512 Ko au plus), ou deploiement (identifiant) ; vagues (codes, "
                    + "répétés ou séparés par des virgules ; toutes les vagues délibérées si absent) ; quotaHorsGrandsCentres, quotaQpv, "
                    + "quotaNumeriqueQpv, enveloppe (euros). Rien n'est déployé ni écrit, sauf l'exécution elle-même.")
    ResponseEntity<Simulation> lancer(@RequestPart(name = "eligibilite", required = false) MultipartFile eligibilite,
            @RequestPart(name = "notation", required = false) MultipartFile notation,
            @RequestParam(name = "deploiement", required = false) String deploiement,
            @RequestParam(name = "vagues", required = false) List<String> vagues,
            @RequestParam(name = "quotaHorsGrandsCentres", required = false) String quotaHgc,
            @RequestParam(name = "quotaQpv", required = false) String quotaQpv,
            @RequestParam(name = "quotaNumeriqueQpv", required = false) String quotaNum,
            @RequestParam(name = "enveloppe", required = false) String enveloppe, Agent agent) {
        Simulation s = simuler.lancer(new FormulaireSimulation(eligibilite, notation, deploiement, vagues, quotaHgc, quotaQpv, quotaNum, enveloppe)
                .demande(), agent.id());
        LOG.info("Simulation {} lancée par {} : {} dossiers rejoués en {} ms, {} sortants, {} entrants", s.id(), agent.id(), s.dossiersRejoues(),
                s.dureeMs(), s.sortants(), s.entrants());
        return ResponseEntity.created(URI.create("/api/agents/simulations/" + s.id())).body(s);
    }

    @GetMapping
    @GroupesAutorises({"gestionnaires", "analystes"})
    @Operation(summary = "Les dernières simulations (sans leur rapport)")
    List<Simulation> lister() {
        return consulter.dernieres();
    }

    @GetMapping("/{id}")
    @GroupesAutorises({"gestionnaires", "analystes"})
    @Operation(summary = "Une simulation et son rapport")
    Simulation lire(@PathVariable long id) {
        return consulter.lire(id);
    }

    @GetMapping(path = "/{id}/rapport.csv", produces = "text/csv")
    @GroupesAutorises({"gestionnaires", "analystes"})
    @Operation(summary = "Le rapport en CSV (; UTF-8)")
    ResponseEntity<byte[]> csv(@PathVariable long id) {
        return fichier(consulter.csv(id), "simulation-" + id + ".csv", new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
    }

    @GetMapping(path = "/{id}/rapport.xlsx", produces = ConsulterSimulations.XLSX)
    @GroupesAutorises({"gestionnaires", "analystes"})
    @Operation(summary = "Le rapport en XLSX (différences surlignées)")
    ResponseEntity<byte[]> xlsx(@PathVariable long id) {
        return fichier(consulter.xlsx(id), "simulation-" + id + ".xlsx", MediaType.parseMediaType(ConsulterSimulations.XLSX));
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(ConsulterSimulations.SimulationIntrouvable.class)
    ResponseEntity<org.springframework.http.ProblemDetail> introuvable(ConsulterSimulations.SimulationIntrouvable e) {
        return Problemes.reponse(org.springframework.http.HttpStatus.NOT_FOUND, "Simulation introuvable", e.getMessage() + ".");
    }

    static ResponseEntity<byte[]> fichier(byte[] octets, String nom, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(nom).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(octets);
    }

}
