package fr.gouv.fabriques.web;

import fr.gouv.fabriques.application.port.AnnuaireAgents.Agent;
import fr.gouv.fabriques.application.port.SimulationRepository.Simulation;
import fr.gouv.fabriques.application.simulation.ConsulterSimulations;
import fr.gouv.fabriques.application.simulation.SimulerRegles;
import fr.gouv.fabriques.domain.ErreursValidation;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * « Simuler un changement de règle » as French pages for programme managers and analysts, opened
 * with the Tasklist or Cockpit session (or HTTP Basic): the form, the run (posted by the form,
 * then a redirection to its report) and the report. Same groups and rules as the agents' API
 * ({@link SimulationsController}); a refused request shows the form again with the reasons.
 */
@Controller
@Hidden
class PageSimulationsController {

    private static final Logger LOG = LoggerFactory.getLogger(PageSimulationsController.class);

    private final SimulerRegles simuler;
    private final ConsulterSimulations consulter;

    PageSimulationsController(SimulerRegles simuler, ConsulterSimulations consulter) {
        this.simuler = simuler;
        this.consulter = consulter;
    }

    @GetMapping(path = "/agents/simulations", produces = MediaType.TEXT_HTML_VALUE)
    @GroupesAutorises({"gestionnaires", "analystes"})
    ResponseEntity<String> formulaire(Agent agent) {
        return PageSimulations.reponse(HttpStatus.OK, PageSimulations.formulaire(simuler.vagues(), simuler.deploiements(), consulter.dernieres(),
                List.of()));
    }

    @PostMapping(path = "/agents/simulations", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    @GroupesAutorises({"gestionnaires", "analystes"})
    ResponseEntity<String> lancer(@RequestParam(name = "eligibilite", required = false) MultipartFile eligibilite,
            @RequestParam(name = "notation", required = false) MultipartFile notation,
            @RequestParam(name = "deploiement", required = false) String deploiement,
            @RequestParam(name = "vagues", required = false) List<String> vagues,
            @RequestParam(name = "quotaHorsGrandsCentres", required = false) String quotaHgc,
            @RequestParam(name = "quotaQpv", required = false) String quotaQpv,
            @RequestParam(name = "quotaNumeriqueQpv", required = false) String quotaNum,
            @RequestParam(name = "enveloppe", required = false) String enveloppe, Agent agent) {
        Simulation s = simuler.lancer(new FormulaireSimulation(eligibilite, notation, deploiement, vagues, quotaHgc, quotaQpv, quotaNum, enveloppe)
                .demande(), agent.id());
        LOG.info("Simulation {} lancée par {} (page) : {} dossiers rejoués en {} ms", s.id(), agent.id(), s.dossiersRejoues(), s.dureeMs());
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/agents/simulations/" + s.id())).build();
    }

    @GetMapping(path = "/agents/simulations/{id}", produces = MediaType.TEXT_HTML_VALUE)
    @GroupesAutorises({"gestionnaires", "analystes"})
    ResponseEntity<String> rapport(@PathVariable long id, Agent agent) {
        return PageSimulations.reponse(HttpStatus.OK, PageSimulations.rapport(consulter.lire(id)));
    }

    @ExceptionHandler(ErreursValidation.class)
    ResponseEntity<String> refus(ErreursValidation e) {
        return PageSimulations.reponse(HttpStatus.UNPROCESSABLE_ENTITY, PageSimulations.formulaire(simuler.vagues(), simuler.deploiements(),
                consulter.dernieres(), e.violations()));
    }

    @ExceptionHandler(ConsulterSimulations.SimulationIntrouvable.class)
    ResponseEntity<String> introuvable(ConsulterSimulations.SimulationIntrouvable e) {
        return PageHtml.reponse(HttpStatus.NOT_FOUND, PageHtml.message("Simulation introuvable", PageHtml.echapper(e.getMessage() + ".")));
    }
}
