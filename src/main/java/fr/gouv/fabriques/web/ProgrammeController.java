package fr.gouv.fabriques.web;

import fr.gouv.fabriques.application.comite.ConsulterProgramme;
import fr.gouv.fabriques.application.comite.ReequilibrerQuotas;
import fr.gouv.fabriques.application.port.AnnuaireAgents.Agent;
import fr.gouv.fabriques.application.porteur.ConsulterJournalDossier;
import fr.gouv.fabriques.domain.Categorie;
import fr.gouv.fabriques.domain.ErreursValidation;
import fr.gouv.fabriques.domain.Programme;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The programme as a whole: quotas, envelope, their rebalancing, and each dossier's audit trail. */
@RestController
@RequestMapping(path = "/api/agents", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Programme", description = "Quotas et enveloppe cumulés, rééquilibrage, registre des décisions")
@SecurityRequirement(name = WebConfiguration.SECURITE_AGENTS)
class ProgrammeController {

    private final ConsulterProgramme consulterProgramme;
    private final ReequilibrerQuotas reequilibrerQuotas;
    private final ConsulterJournalDossier consulterJournal;

    ProgrammeController(ConsulterProgramme consulterProgramme, ReequilibrerQuotas reequilibrerQuotas, ConsulterJournalDossier consulterJournal) {
        this.consulterProgramme = consulterProgramme;
        this.reequilibrerQuotas = reequilibrerQuotas;
        this.consulterJournal = consulterJournal;
    }

    record QuotaVue(String categorie, int quota, int laureats, int placesRestantes) {
    }

    record ProgrammeVue(int totalFabriques, List<QuotaVue> quotas, long enveloppe, long engage, long enveloppeRestante) {
        static ProgrammeVue de(Programme p) {
            List<QuotaVue> q = new ArrayList<>();
            for (Categorie c : Categorie.values()) {
                q.add(new QuotaVue(c.name(), p.quotas().get(c), p.laureats().get(c), p.placesRestantes(c)));
            }
            return new ProgrammeVue(p.totalFabriques(), q, p.enveloppe(), p.engage(), p.enveloppeRestante());
        }
    }

    @Operation(summary = "Quotas et enveloppe", description = "Cumulés sur toutes les vagues.")
    @GetMapping("/programme")
    @GroupesAutorises({"gestionnaires", "comite-selection", "service-financier", "analystes", "camunda-admin"})
    ProgrammeVue programme() {
        return ProgrammeVue.de(consulterProgramme.programme());
    }

    record Reequilibrage(String de, String vers, Integer nombre, String motif) {
    }

    @Operation(summary = "Rééquilibrer les quotas entre catégories", description = "Le total du programme ne change pas ; le motif est enregistré.")
    @PostMapping(path = "/programme/reequilibrages", consumes = MediaType.APPLICATION_JSON_VALUE)
    @GroupesAutorises({"gestionnaires"})
    ProgrammeVue reequilibrer(@RequestBody Reequilibrage corps, @Parameter(hidden = true) Agent agent) {
        if (corps.nombre() == null) {
            throw new ErreursValidation("nombre", "nombre de places à transférer attendu");
        }
        return ProgrammeVue.de(reequilibrerQuotas.reequilibrer(categorie("de", corps.de()), categorie("vers", corps.vers()),
                corps.nombre(), corps.motif(), agent.id()));
    }

    @Operation(summary = "Registre d'un dossier", description = "Chaque étape et chaque décision : qui, quand, quoi, pourquoi.")
    @GetMapping("/dossiers/{numero}/journal")
    @GroupesAutorises({"gestionnaires", "instructeurs", "comite-selection", "service-financier", "camunda-admin"})
    ConsulterJournalDossier.Audit journal(@PathVariable String numero) {
        return consulterJournal.consulter(numero);
    }

    private static Categorie categorie(String champ, String valeur) {
        try {
            return Categorie.valueOf(String.valueOf(valeur));
        } catch (IllegalArgumentException e) {
            throw new ErreursValidation(champ, "catégorie attendue : HORS_GRANDS_CENTRES, QPV ou NUMERIQUE_QPV ; reçu : « " + valeur + " »");
        }
    }
}
