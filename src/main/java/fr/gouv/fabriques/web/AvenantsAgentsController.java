package fr.gouv.fabriques.web;

import fr.gouv.fabriques.application.avenant.ConsulterAvenants;
import fr.gouv.fabriques.application.avenant.EtablirAvenant;
import fr.gouv.fabriques.application.avenant.ProposerAvenant;
import fr.gouv.fabriques.application.avenant.TelechargerAvenant;
import fr.gouv.fabriques.application.port.AnnuaireAgents.Agent;
import fr.gouv.fabriques.domain.Avenant;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.ModificationConvention;
import fr.gouv.fabriques.domain.MontantsAnnuels;
import fr.gouv.fabriques.domain.Violation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Amendments to a signed convention, for agents: a programme manager proposes one (its process
 * starts: validation by a second manager in Tasklist…); the agents of the dossier list them and
 * download their PDFs.
 */
@RestController
@RequestMapping(path = "/api/agents/dossiers/{numero}/avenants", produces = {MediaType.APPLICATION_JSON_VALUE,
    MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Agents", description = "API des agents du programme (HTTP Basic, comptes Camunda)")
@SecurityRequirement(name = WebConfiguration.SECURITE_AGENTS)
class AvenantsAgentsController {

    private static final Logger LOG = LoggerFactory.getLogger(AvenantsAgentsController.class);

    private final ProposerAvenant proposer;
    private final ConsulterAvenants consulter;
    private final TelechargerAvenant telecharger;

    AvenantsAgentsController(ProposerAvenant proposer, ConsulterAvenants consulter, TelechargerAvenant telecharger) {
        this.proposer = proposer;
        this.consulter = consulter;
        this.telecharger = telecharger;
    }

    @Schema(description = "Montants par année après l'avenant (les trois, en euros)")
    record Montants(Integer annee1, Integer annee2, Integer annee3) {
    }

    @Schema(description = "Changement proposé : au moins un de montants, decalageMois, siret ; motif obligatoire")
    record Proposition(Montants montants,
            @Schema(description = "Report des dates anniversaires de la convention, en mois (1 à 24)") Integer decalageMois,
            @Schema(description = "Nouveau SIRET du bénéficiaire après une restructuration (14 chiffres, clé de Luhn)") String siret,
            @Schema(description = "Motif de l'avenant (3 à 2 000 caractères)") String motif) {
    }

    @Operation(summary = "Proposer un avenant à la convention (gestionnaires)",
            description = "Dossier « conventionné » seulement. Changements possibles : montants par année (75 000 € à 150 000 € sur "
                    + "3 ans, 50 000 € par an au plus, soutien numérique inchangé ; une année versée, ou ordonnancée et pas encore émise, "
                    + "garde son montant ; une hausse doit tenir dans l'enveloppe du programme), report du calendrier (decalageMois, 1 à "
                    + "24 mois : versements des années 2 et 3, échéances des bilans, fin de la convention), SIRET du bénéficiaire "
                    + "(restructuration). Un seul avenant en cours par dossier. Le processus « Avenant » démarre : « Valider l'avenant » "
                    + "par un autre gestionnaire (quatre yeux), PDF établi, signature du porteur (API), signature de l'État (Tasklist), "
                    + "puis application. 201 avec l'avenant ; 422 champ par champ (montants.annee1…, montants, decalageMois, siret, "
                    + "motif) ; 409 si le dossier n'est pas conventionné, un avenant est déjà en cours, une année versée ou ordonnancée "
                    + "changerait, l'enveloppe serait dépassée, ou le SIRET est celui d'un autre dossier en cours.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @GroupesAutorises({"gestionnaires"})
    ResponseEntity<AvenantVue> proposer(@PathVariable String numero, @RequestBody Proposition corps, @Parameter(hidden = true) Agent agent) {
        Avenant a = proposer.proposer(numero, modification(corps), agent.id());
        return ResponseEntity.created(URI.create("/api/agents/dossiers/" + numero + "/avenants/" + a.numero()))
                .body(AvenantVue.de(numero, a, "/api/agents/dossiers"));
    }

    @Operation(summary = "Avenants de la convention", description = "Tous les avenants du dossier, du premier au dernier : l'historique "
            + "des versions de la convention (changements, états, qui et quand, SHA-256 des PDF).")
    @GetMapping
    @GroupesAutorises({"gestionnaires", "instructeurs", "service-financier", "comite-selection", "camunda-admin"})
    List<AvenantVue> lister(@PathVariable String numero) {
        return consulter.duDossier(numero).stream().map(a -> AvenantVue.de(numero, a, "/api/agents/dossiers")).toList();
    }

    @Operation(summary = "Télécharger l'avenant n°k établi (PDF)", description = "ETag et Repr-Digest : son SHA-256. 404 tant qu'il "
            + "n'est pas établi.")
    @ApiResponse(responseCode = "200", description = "Le PDF, en pièce jointe",
            content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary")))
    @GetMapping(path = "/{k}", produces = MediaType.APPLICATION_PDF_VALUE)
    @GroupesAutorises({"gestionnaires", "instructeurs", "service-financier", "comite-selection", "camunda-admin"})
    ResponseEntity<byte[]> etabli(@PathVariable String numero, @PathVariable int k, @Parameter(hidden = true) Agent agent) {
        var fichier = telecharger.etabli(numero, k);
        LOG.info("Avenant n°{} du dossier {} téléchargé par {}", k, numero, agent.id());
        return ReponseDocumentConvention.pdf(fichier, EtablirAvenant.nomFichier(numero, k));
    }

    @Operation(summary = "Télécharger l'avenant n°k signé par le porteur (PDF)", description = "404 tant que le porteur ne l'a pas déposé.")
    @ApiResponse(responseCode = "200", description = "Le PDF, en pièce jointe",
            content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary")))
    @GetMapping(path = "/{k}/signe", produces = MediaType.APPLICATION_PDF_VALUE)
    @GroupesAutorises({"gestionnaires", "instructeurs", "service-financier", "comite-selection", "camunda-admin"})
    ResponseEntity<byte[]> signe(@PathVariable String numero, @PathVariable int k, @Parameter(hidden = true) Agent agent) {
        var fichier = telecharger.signe(numero, k);
        LOG.info("Avenant n°{} signé du dossier {} téléchargé par {}", k, numero, agent.id());
        return ReponseDocumentConvention.pdf(fichier, "avenant-signe-" + numero + "-" + k + ".pdf");
    }

    private static ModificationConvention modification(Proposition p) {
        if (p == null) {
            throw new ErreursValidation("motif", "le corps de la requête est vide : indiquez le changement et son motif");
        }
        MontantsAnnuels montants = null;
        if (p.montants() != null) {
            List<Violation> v = new ArrayList<>();
            Integer[] m = {p.montants().annee1(), p.montants().annee2(), p.montants().annee3()};
            for (int i = 0; i < m.length; i++) {
                if (m[i] == null) {
                    v.add(new Violation("montants.annee" + (i + 1), "le montant de l'année " + (i + 1) + " est obligatoire (en euros)"));
                }
            }
            if (!v.isEmpty()) {
                throw new ErreursValidation(v);
            }
            montants = new MontantsAnnuels(m[0], m[1], m[2]);
        }
        String siret = p.siret() == null || p.siret().isBlank() ? null : p.siret().strip();
        return new ModificationConvention(montants, p.decalageMois(), siret, p.motif());
    }
}
