package fr.gouv.fabriques.web;

import fr.gouv.fabriques.application.versement.ConsulterFinancesDossier;
import fr.gouv.fabriques.application.versement.ExporterOrdresVersement;
import fr.gouv.fabriques.domain.ErreursValidation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Payments for the finance officers: the accounting export and each dossier's money. */
@RestController
@RequestMapping("/api/agents")
@Tag(name = "Versements", description = "Ordres de versement émis et finances des dossiers")
@SecurityRequirement(name = WebConfiguration.SECURITE_AGENTS)
class VersementsController {

    private final ExporterOrdresVersement exporter;
    private final ConsulterFinancesDossier finances;

    VersementsController(ExporterOrdresVersement exporter, ConsulterFinancesDossier finances) {
        this.exporter = exporter;
        this.finances = finances;
    }

    @Operation(summary = "Exporter les ordres de versement émis (CSV pour la comptabilité)",
            description = "Période [du, au] en dates (heure de Paris), au plus un an ; par défaut les 31 derniers jours. "
                    + "Séparateur « ; », UTF-8 avec BOM, une ligne par ordre ; la référence est unique par convention et année.")
    @GetMapping(path = "/versements.csv", produces = "text/csv")
    @GroupesAutorises({"service-financier", "gestionnaires"})
    ResponseEntity<byte[]> exporter(@Parameter(description = "Premier jour, ex. 2027-01-01") @RequestParam(required = false) String du,
            @Parameter(description = "Dernier jour inclus, ex. 2027-03-31") @RequestParam(required = false) String au) {
        LocalDate fin = date("au", au, LocalDate.now(fr.gouv.fabriques.domain.Vague.FUSEAU));
        LocalDate debut = date("du", du, fin.minusDays(30));
        if (debut.plusYears(1).isBefore(fin)) {
            throw new ErreursValidation("du", "la période exportée couvre un an au plus");
        }
        Instant depuis = debut.atStartOfDay(fr.gouv.fabriques.domain.Vague.FUSEAU).toInstant();
        Instant jusqua = fin.plusDays(1).atStartOfDay(fr.gouv.fabriques.domain.Vague.FUSEAU).toInstant();
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] contenu = exporter.csv(depuis, jusqua).getBytes(StandardCharsets.UTF_8);
        byte[] fichier = new byte[bom.length + contenu.length];
        System.arraycopy(bom, 0, fichier, 0, bom.length);
        System.arraycopy(contenu, 0, fichier, bom.length, contenu.length);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ordres-versement-" + debut + "-" + fin + ".csv\"")
                .body(fichier);
    }

    @Operation(summary = "Finances d'un dossier", description = "Engagé, versé par année, reversé, libéré, reste à verser.")
    @GetMapping(path = "/dossiers/{numero}/finances", produces = MediaType.APPLICATION_JSON_VALUE)
    @GroupesAutorises({"service-financier", "gestionnaires", "instructeurs", "camunda-admin"})
    ConsulterFinancesDossier.Finances finances(@PathVariable String numero) {
        return finances.consulter(numero);
    }

    private static LocalDate date(String champ, String valeur, LocalDate defaut) {
        if (valeur == null || valeur.isBlank()) {
            return defaut;
        }
        try {
            return LocalDate.parse(valeur);
        } catch (DateTimeParseException e) {
            throw new ErreursValidation(champ, "date attendue au format AAAA-MM-JJ ; reçu : « " + valeur + " »");
        }
    }
}
