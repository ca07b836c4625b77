package fr.gouv.fabriques.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gouv.fabriques.application.ds.ConnecteurDs;
import fr.gouv.fabriques.application.ds.ImporterDossiersDs;
import fr.gouv.fabriques.application.port.DemarchesSimplifiees;
import fr.gouv.fabriques.application.port.DsRepository;
import fr.gouv.fabriques.ds.simulateur.SimulateurDs;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The démarches-simplifiées connector for agents (README « démarches-simplifiées »). */
@RestController
@RequestMapping(path = "/api/agents/ds", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "démarches-simplifiées", description = "Connecteur : état, champs d'une démarche, dossiers à reprendre, écritures vers DS")
@SecurityRequirement(name = WebConfiguration.SECURITE_AGENTS)
class DsAgentsController {

    private static final Set<String> ETATS = Set.of("A_ENVOYER", "EN_COURS", "FAIT", "ECHEC");

    private final ConnecteurDs connecteur;
    private final ImporterDossiersDs importer;
    private final DsRepository repo;
    private final ObjectMapper json;
    private final ObjectProvider<SimulateurDs> simulateur;

    DsAgentsController(ConnecteurDs connecteur, ImporterDossiersDs importer, DsRepository repo, ObjectMapper json,
            ObjectProvider<SimulateurDs> simulateur) {
        this.connecteur = connecteur;
        this.importer = importer;
        this.repo = repo;
        this.json = json;
        this.simulateur = simulateur;
    }

    record EtatConnecteur(boolean actif, String etat, List<Integer> demarches, List<ImporterDossiersDs.EtatLecture> lectures,
            Map<String, Long> envois) {
    }

    @Operation(summary = "État du connecteur", description = "Actif ou non (et pourquoi), démarches suivies, dernières lectures, écritures par état.")
    @GetMapping
    @GroupesAutorises({"gestionnaires", "instructeurs", "camunda-admin"})
    EtatConnecteur etat() {
        return new EtatConnecteur(connecteur.actif(), connecteur.etat(), connecteur.demarches().stream().map(ConnecteurDs.DemarcheSuivie::numero).toList(),
                importer.etats(), repo.comptesEnvois());
    }

    record ChampVue(String id, String libelle, String type, String description, boolean obligatoire, String correspondance) {
    }

    record ChampsDemarche(int numero, String titre, List<ChampVue> champs) {
    }

    @Operation(summary = "Champs d'une démarche DS", description = "Les descripteurs de champs (id, libellé, type) de la révision active, "
            + "et le champ de notre dépôt auquel la correspondance de la démarche les relie : pour écrire ou vérifier le fichier de correspondance.")
    @ApiResponse(responseCode = "200", description = "La démarche et ses champs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ChampsDemarche.class)))
    @GetMapping("/demarches/{numero}/champs")
    @GroupesAutorises({"gestionnaires", "camunda-admin"})
    ResponseEntity<?> champs(@PathVariable int numero) {
        if (!connecteur.actif()) {
            return inactif();
        }
        try {
            DemarchesSimplifiees.Formulaire f = connecteur.ds().formulaire(numero);
            Map<String, String> usages = connecteur.demarche(numero).map(d -> d.correspondance().usages()).orElse(Map.of());
            return ResponseEntity.ok(new ChampsDemarche(f.numero(), f.titre(), f.champs().stream()
                    .map(c -> new ChampVue(c.id(), c.libelle(), c.type(), c.description(), c.obligatoire(), usages.get(c.id()))).toList()));
        } catch (DemarchesSimplifiees.DsErreur e) {
            return Problemes.reponse(HttpStatus.NOT_FOUND, "Démarche introuvable", "démarches-simplifiées ne donne pas la démarche n° " + numero
                    + " avec ce jeton.");
        } catch (DemarchesSimplifiees.DsJetonRefuse | DemarchesSimplifiees.DsIndisponible e) {
            return Problemes.reponse(HttpStatus.BAD_GATEWAY, "démarches-simplifiées injoignable", e.getMessage());
        }
    }

    record AReprendreVue(int dsNumero, int demarche, String motif, JsonNode erreurs, int tentatives, Instant premiereLe, Instant derniereLe) {
    }

    @Operation(summary = "Dossiers à reprendre", description = "Les dossiers DS pas encore importés ou mis à jour : erreurs de validation "
            + "(le porteur a reçu une demande de correction), analyse antivirus en attente, somme de contrôle fausse, pièce infectée, erreur.")
    @GetMapping("/a-reprendre")
    @GroupesAutorises({"gestionnaires", "instructeurs", "camunda-admin"})
    List<AReprendreVue> aReprendre() {
        return repo.aReprendre(false).stream().map(a -> new AReprendreVue(a.dsNumero(), a.demarche(), a.motif(), lire(a.erreurs()), a.tentatives(),
                a.premiereLe(), a.derniereLe())).toList();
    }

    @Operation(summary = "Écritures vers DS", description = "Les plus récentes d'abord ; etat = A_ENVOYER, EN_COURS, FAIT ou ECHEC.")
    @ApiResponse(responseCode = "200", description = "Les écritures",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    array = @ArraySchema(schema = @Schema(implementation = DsRepository.EnvoiVue.class))))
    @GetMapping("/envois")
    @GroupesAutorises({"gestionnaires", "instructeurs", "camunda-admin"})
    ResponseEntity<?> envois(@RequestParam(name = "etat", required = false) String etat) {
        if (etat != null && !ETATS.contains(etat)) {
            return Problemes.reponse(HttpStatus.UNPROCESSABLE_ENTITY, "Paramètre invalide", "etat : A_ENVOYER, EN_COURS, FAIT ou ECHEC attendu",
                    List.of(new fr.gouv.fabriques.domain.Violation("etat", "A_ENVOYER, EN_COURS, FAIT ou ECHEC attendu")));
        }
        return ResponseEntity.ok(repo.envois(Optional.ofNullable(etat), 500));
    }

    @Operation(summary = "Lire une démarche maintenant", description = "Sans attendre la prochaine lecture planifiée.")
    @ApiResponse(responseCode = "200", description = "Ce que la lecture a fait",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ImporterDossiersDs.Bilan.class)))
    @PostMapping("/demarches/{numero}/lecture")
    @GroupesAutorises({"gestionnaires", "camunda-admin"})
    ResponseEntity<?> lire(@PathVariable int numero) {
        if (!connecteur.actif()) {
            return inactif();
        }
        if (connecteur.demarche(numero).isEmpty()) {
            return Problemes.reponse(HttpStatus.NOT_FOUND, "Démarche non suivie", "La démarche n° " + numero + " n'est pas configurée.");
        }
        try {
            return ResponseEntity.ok(importer.lire(numero));
        } catch (DemarchesSimplifiees.DsJetonRefuse | DemarchesSimplifiees.DsIndisponible | DemarchesSimplifiees.DsErreur e) {
            return Problemes.reponse(HttpStatus.BAD_GATEWAY, "démarches-simplifiées injoignable", e.getMessage());
        }
    }

    @Operation(summary = "Dossiers du simulateur DS", description = "Mode démo avec FABRIQUES_DS_SIMULATEUR=true : l'état des dossiers DS simulés "
            + "(état, motivation, messages reçus).")
    @ApiResponse(responseCode = "200", description = "Les dossiers simulés",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    array = @ArraySchema(schema = @Schema(implementation = SimulateurDs.DossierSimule.class))))
    @GetMapping("/simulateur/dossiers")
    @GroupesAutorises({"gestionnaires", "instructeurs", "comite-selection", "service-financier", "camunda-admin"})
    ResponseEntity<?> simulateur() {
        SimulateurDs sim = simulateur.getIfAvailable();
        if (sim == null) {
            return Problemes.reponse(HttpStatus.NOT_FOUND, "Simulateur arrêté", "Le simulateur DS ne tourne pas (FABRIQUES_DS_SIMULATEUR=true, mode démo).");
        }
        return ResponseEntity.ok(sim.etat());
    }

    private JsonNode lire(String texte) {
        try {
            return json.readTree(texte);
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(texte);
        }
    }

    private ResponseEntity<?> inactif() {
        return Problemes.reponse(HttpStatus.CONFLICT, "Connecteur désactivé", "Le connecteur démarches-simplifiées est " + connecteur.etat()
                + " (README, section « démarches-simplifiées »).");
    }
}
