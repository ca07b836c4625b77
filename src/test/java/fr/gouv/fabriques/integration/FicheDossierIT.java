package fr.gouv.fabriques.integration;

import static fr.gouv.fabriques.integration.Http.basic;
import static fr.gouv.fabriques.integration.Http.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gouv.fabriques.application.fiche.ConsulterFicheDossier;
import fr.gouv.fabriques.application.fiche.FicheMarkdown;
import fr.gouv.fabriques.application.fiche.PartieFiche;
import fr.gouv.fabriques.application.vague.CreerVague;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dossier sheet over HTTP: the JSON of the agents' API and the printable page, for a dossier
 * walked from its deposit to its first payment (a completeness request answered, a reserved
 * opinion, a proposal sent back then instructed again), and the door: 401, 403, 404.
 */
@IntegrationTest
class FicheDossierIT {

    @LocalServerPort
    int port;
    @Autowired
    org.springframework.context.ApplicationContext contexte;
    @Autowired
    CreerVague creerVague;
    @Autowired
    ConsulterFicheDossier consulterFiche;
    @Autowired
    FicheMarkdown ficheMarkdown;

    Http http;
    Parcours parcours;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        parcours = Parcours.pour(port, contexte);
    }

    private static Map<String, String> html(String utilisateur) {
        Map<String, String> e = new HashMap<>(basic(utilisateur));
        e.put("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return e;
    }

    private Map<String, Object> instruction(int montant3, String motif) {
        Map<String, Object> i = new HashMap<>(Map.of("noteGouvernance", 5, "notePartenariats", 4, "noteBesoinLocal", 3,
                "noteOffreServices", 4, "noteModeleEconomique", 2, "noteEmploi", 4));
        i.putAll(Map.of("montantPropose1", 50000, "montantPropose2", 50000, "montantPropose3", montant3, "motifProposition", motif,
                "absenceConflitInterets", true));
        return i;
    }

    private JsonNode fiche(String numero, String agent) {
        Http.Reponse r = http.get("/api/agents/dossiers/" + numero, basic(agent));
        assertThat(r.statut()).as(r.corps()).isEqualTo(200);
        assertThat(r.entete("Content-Type")).startsWith("application/json");
        return r.json();
    }

    @Test
    void laFicheRassembleChaquePartieDuDepotAuPremierVersement() {
        String vague = Parcours.codeVague("FDT", 2037);
        creerVague.creer(vague, "FABRIQUES_TERRITOIRE", Parcours.dans(Duration.ofDays(700)), null);
        Parcours.Depot depot = parcours.deposerAvecJeton(vague, "HORS_GRANDS_CENTRES");
        String numero = depot.numero();
        assertThat(http.postMultipart("/api/dossiers/" + numero + "/pieces", List.of(Http.Fichier.pdf("statuts.pdf", "statuts " + numero)),
                Map.of("categorie", "STATUTS"), bearer(depot.jeton())).statut()).isEqualTo(201);
        parcours.completer(numero, "UserTask_VerifierCompletude", "instructeur",
                Map.of("complet", "false", "piecesManquantes", "RIB au nom de la structure"));
        assertThat(http.postMultipart("/api/dossiers/" + numero + "/pieces", List.of(Http.Fichier.pdf("rib <b>.pdf", "rib " + numero)),
                Map.of("categorie", "RIB"), bearer(depot.jeton())).statut()).isEqualTo(201);
        assertThat(http.postJson("/api/dossiers/" + numero + "/complements", Map.of("message", "RIB joint | *à jour*"),
                bearer(depot.jeton())).statut()).isEqualTo(200);
        parcours.executerJobs(numero);
        parcours.completer(numero, "UserTask_VerifierCompletude", "instructeur", Map.of("complet", "true"));
        parcours.completer(numero, "UserTask_DonnerAvisTerritorial", "referent-58",
                Map.of("avisTerritorial", "RESERVE", "commentaireAvis", "Besoin local à étayer"));
        parcours.completer(numero, "UserTask_InstruireDossier", "instructeur", instruction(50000, "Projet solide et bien ancré"));
        parcours.completer(numero, "UserTask_ValiderProposition", "gestionnaire",
                Map.of("propositionValidee", "false", "commentaireValidation", "Revoir le montant de l'année 3"));

        // Sent back: the sheet says a new proposal is awaited, and why it was sent back.
        JsonNode renvoyee = fiche(numero, "instructeur");
        assertThat(renvoyee.at("/validation/derniere/decision").asText()).isEqualTo("A_REVOIR");
        assertThat(renvoyee.at("/validation/enAttente").asBoolean()).isFalse();

        parcours.completer(numero, "UserTask_InstruireDossier", "instructeur2", instruction(40000, "Année 3 ramenée à 40 000 €"));
        assertThat(fiche(numero, "instructeur").at("/validation/enAttente").asBoolean()).isTrue();
        parcours.completer(numero, "UserTask_ValiderProposition", "gestionnaire",
                Map.of("propositionValidee", "true", "commentaireValidation", "Conforme"));
        assertThat(parcours.statut(numero)).isEqualTo("INSTRUIT");

        JsonNode f = fiche(numero, "instructeur");
        assertThat(f.get("numero").asText()).isEqualTo(numero);
        assertThat(f.get("statut").asText()).isEqualTo("INSTRUIT");
        // Demande: structure, contact, project, amounts, current wave.
        assertThat(f.at("/structure/raisonSociale").asText()).isEqualTo("Association La Fabrique du Val");
        assertThat(f.at("/structure/siret").asText()).hasSize(14);
        assertThat(f.at("/structure/formeJuridique").asText()).isEqualTo("ASSOCIATION");
        assertThat(f.at("/structure/commune").asText()).isEqualTo("Nevers");
        assertThat(f.at("/structure/departement").asText()).isEqualTo("58");
        assertThat(f.at("/structure/region").asText()).isEqualTo("27");
        assertThat(f.at("/structure/codeQpv").isNull()).isTrue();
        assertThat(f.at("/contact/nom").asText()).isEqualTo("Camille Martin");
        assertThat(f.at("/projet/services").toString()).contains("COWORKING");
        assertThat(f.at("/projet/etpFinances").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(f.at("/demande/vague").asText()).isEqualTo(vague);
        assertThat(f.at("/demande/categorie").asText()).isEqualTo("HORS_GRANDS_CENTRES");
        assertThat(f.at("/demande/montantsDemandes/total").asInt()).isEqualTo(140_000);
        // Pieces, each with a link that opens.
        assertThat(f.get("pieces")).hasSize(2);
        for (JsonNode p : f.get("pieces")) {
            assertThat(p.get("lien").asText()).startsWith("/api/agents/dossiers/" + numero + "/pieces/");
            assertThat(http.getOctets(p.get("lien").asText(), basic("instructeur")).statut()).isEqualTo(200);
        }
        // Completeness and its exchanges.
        assertThat(f.at("/completude/complet").asBoolean()).isTrue();
        List<String> natures = new ArrayList<>();
        f.at("/completude/echanges").forEach(e -> natures.add(e.get("nature").asText()));
        assertThat(natures).containsSubsequence("DEMANDE_COMPLEMENTS", "COMPLEMENTS_RECUS", "COMPLETUDE");
        assertThat(f.at("/completude/echanges").toString()).contains("RIB au nom de la structure").contains("RIB joint | *à jour*");
        // Referent's opinion.
        assertThat(f.at("/avisTerritorial/avis").asText()).isEqualTo("RESERVE");
        assertThat(f.at("/avisTerritorial/commentaire").asText()).isEqualTo("Besoin local à étayer");
        assertThat(f.at("/avisTerritorial/par").asText()).isEqualTo("referent-58");
        // Instruction: the weights the score was computed with.
        JsonNode instruction = f.get("instruction");
        assertThat(instruction.get("notes")).hasSize(6);
        assertThat(instruction.get("poidsEnregistres").asBoolean()).isTrue();
        long somme = 0;
        long poids = 0;
        for (JsonNode n : instruction.get("notes")) {
            assertThat(n.get("poids").isInt()).as(n.toString()).isTrue();
            somme += n.get("poids").asLong() * n.get("note").asLong();
            poids += n.get("poids").asLong();
        }
        assertThat(instruction.get("score").decimalValue().doubleValue()).isCloseTo(somme * 100.0 / (poids * 5), org.assertj.core.data.Offset.offset(0.05));
        assertThat(instruction.get("recommandation").asText()).isIn("FAVORABLE", "RESERVE", "DEFAVORABLE");
        assertThat(instruction.at("/montantsProposes/annee3").asInt()).isEqualTo(40_000);
        assertThat(instruction.get("motivation").asText()).isEqualTo("Année 3 ramenée à 40 000 €");
        assertThat(instruction.get("instruitPar").asText()).isEqualTo("instructeur2");
        assertThat(instruction.get("renvois").asInt()).isEqualTo(1);
        // Validation: the latest decision and the comment that sent the first proposal back.
        assertThat(f.at("/validation/derniere/decision").asText()).isEqualTo("VALIDEE");
        assertThat(f.at("/validation/derniere/commentaire").asText()).isEqualTo("Conforme");
        assertThat(f.at("/validation/derniere/par").asText()).isEqualTo("gestionnaire");
        assertThat(f.at("/validation/commentaireRenvoi").asText()).isEqualTo("Revoir le montant de l'année 3");
        assertThat(f.at("/validation/enAttente").asBoolean()).isFalse();
        assertThat(f.at("/validation/historique")).hasSize(2);
        // Not reached yet.
        assertThat(f.get("comite").isNull()).isTrue();
        assertThat(f.get("convention").isNull()).isTrue();
        assertThat(f.get("versements").isNull()).isTrue();
        assertThat(f.get("journal").toString()).contains("DEPOT").contains("PROPOSITION_INSTRUCTION").contains("VALIDATION_PROPOSITION");

        // The printable page holds each part.
        Http.Reponse page = http.get("/agents/dossiers/" + numero, html("instructeur"));
        assertThat(page.statut()).as(page.corps()).isEqualTo(200);
        assertThat(page.entete("Content-Type")).startsWith("text/html");
        assertThat(page.entete("Content-Security-Policy")).startsWith("default-src 'none'; style-src 'sha256-");
        assertThat(page.entete("Cache-Control")).contains("no-store");
        assertThat(page.corps()).contains("<html lang=\"fr\">").contains("<title>Dossier " + numero + " — Association La Fabrique du Val</title>")
                .contains("@media print")
                .contains("Nevers").contains("Camille Martin").contains(vague)
                .contains("/api/agents/dossiers/" + numero + "/pieces/").contains("rib &lt;b&gt;.pdf").doesNotContain("rib <b>")
                .contains("RIB au nom de la structure")
                .contains("réservé").contains("Besoin local à étayer")
                .contains("Année 3 ramenée à 40 000 €").contains("Revoir le montant de l&#39;année 3")
                .contains("Pas encore de décision du comité.").contains("Pas de convention établie.").contains("Aucun versement prévu.");

        // The committee proposes: the sheet says it is not published yet.
        parcours.deliberer(vague, Map.of(numero, "LAUREAT"));
        JsonNode proposee = fiche(numero, "comite");
        assertThat(proposee.at("/comite/derniere/etat").asText()).isEqualTo("PROPOSEE");
        assertThat(proposee.at("/comite/derniere/decision").asText()).isEqualTo("LAUREAT");
        assertThat(http.get("/agents/dossiers/" + numero, html("comite")).corps()).contains("proposée par le comité, pas encore publiée");

        // Published, convention drawn and signed, first payment issued.
        assertThat(parcours.publier(vague)).isNull();
        parcours.executerJobs(numero);
        parcours.signerParLePorteur(numero);
        parcours.completer(numero, "UserTask_SignerConventionEtat", "gestionnaire", Map.of("signatureEtat", true));
        parcours.ordonnancerEtValider(numero);

        JsonNode fin = fiche(numero, "financier");
        assertThat(fin.at("/comite/derniere/etat").asText()).isEqualTo("PUBLIEE");
        assertThat(fin.at("/comite/derniere/publieePar").asText()).isEqualTo("gestionnaire");
        assertThat(fin.at("/comite/derniere/montantsAccordes/total").asInt()).isEqualTo(150_000);
        assertThat(fin.at("/convention/reference").asText()).isEqualTo("CONV-" + numero);
        assertThat(fin.at("/convention/statut").asText()).isEqualTo("SIGNEE");
        assertThat(fin.at("/convention/signatairePorteur").asText()).isEqualTo("Camille Martin, présidente");
        assertThat(fin.at("/convention/lienConvention").asText()).isEqualTo("/api/agents/dossiers/" + numero + "/convention");
        assertThat(fin.at("/convention/lienConventionSignee").asText()).isEqualTo("/api/agents/dossiers/" + numero + "/convention/signee");
        assertThat(http.getOctets(fin.at("/convention/lienConventionSignee").asText(), basic("financier")).statut()).isEqualTo(200);
        assertThat(fin.at("/versements/versements/0/annee").asInt()).isEqualTo(1);
        assertThat(fin.at("/versements/versements/0/statut").asText()).isEqualTo("EMIS");
        assertThat(fin.at("/versements/totalVerse").asInt()).isEqualTo(50_000);
        assertThat(http.get("/agents/dossiers/" + numero, html("financier")).corps()).contains("CONV-" + numero)
                .contains("Convention signée par le porteur (PDF)").contains("émis").contains("lauréat");

        // What a Tasklist form shows of it.
        String md = ficheMarkdown.rendre(consulterFiche.consulter(numero), EnumSet.allOf(PartieFiche.class));
        assertThat(md).startsWith("[Fiche complète du dossier " + numero + " ↗](/agents/dossiers/" + numero + ")\n")
                .contains("RIB joint \\| \\*à jour\\*").contains("- **Décision** : **lauréat** — publiée le ");
    }

    @Test
    void leReferentDUnAutreDepartementEstRefuse() {
        String vague = Parcours.codeVague("FDT", 2037);
        creerVague.creer(vague, "FABRIQUES_TERRITOIRE", Parcours.dans(Duration.ofDays(700)), null);
        String numero = parcours.deposer(vague, "HORS_GRANDS_CENTRES");
        assertThat(fiche(numero, "referent-58").at("/structure/departement").asText()).isEqualTo("58");

        Http.Reponse json = http.get("/api/agents/dossiers/" + numero, basic("referent-75"));
        assertThat(json.statut()).isEqualTo(403);
        assertThat(json.entete("Content-Type")).startsWith("application/problem+json");
        assertThat(json.json().get("detail").asText()).contains("referents-58");
        Http.Reponse page = http.get("/agents/dossiers/" + numero, html("referent-75"));
        assertThat(page.statut()).isEqualTo(403);
        assertThat(page.entete("Content-Type")).startsWith("text/html");
        assertThat(page.corps()).contains("<h1>Accès refusé</h1>").contains("referents-58");
        // Outside the groups of the sheet: analysts work on the models, not on dossiers.
        assertThat(http.get("/api/agents/dossiers/" + numero, basic("analyste")).statut()).isEqualTo(403);
    }

    @Test
    void sansIdentifiants401() {
        Http.Reponse json = http.get("/api/agents/dossiers/FDT-2026-0001", Map.of());
        assertThat(json.statut()).isEqualTo(401);
        assertThat(json.entete("WWW-Authenticate")).isEqualTo("Basic realm=\"fabriques\"");
        assertThat(json.entete("Content-Type")).startsWith("application/problem+json");
        Http.Reponse page = http.get("/agents/dossiers/FDT-2026-0001", Map.of("Accept", "text/html"));
        assertThat(page.statut()).isEqualTo(401);
        assertThat(page.entete("Content-Type")).startsWith("text/html");
        assertThat(page.corps()).contains("<html lang=\"fr\">").contains("href=\"/camunda/app/tasklist/\"");
    }

    @Test
    void dossierInconnu404() {
        Http.Reponse json = http.get("/api/agents/dossiers/FDT-1999-9999", basic("instructeur"));
        assertThat(json.statut()).isEqualTo(404);
        assertThat(json.entete("Content-Type")).startsWith("application/problem+json");
        assertThat(json.json().get("title").asText()).isEqualTo("Dossier introuvable");
        Http.Reponse page = http.get("/agents/dossiers/FDT-1999-9999", html("instructeur"));
        assertThat(page.statut()).isEqualTo(404);
        assertThat(page.entete("Content-Type")).startsWith("text/html");
        assertThat(page.corps()).contains("<h1>Dossier introuvable</h1>").contains("FDT-1999-9999");
    }

    @Test
    void laConnexionTasklistOuvreLaPage() throws Exception {
        String vague = Parcours.codeVague("FDT", 2037);
        creerVague.creer(vague, "FABRIQUES_TERRITOIRE", Parcours.dans(Duration.ofDays(700)), null);
        String numero = parcours.deposer(vague, "HORS_GRANDS_CENTRES");
        Navigateur navigateur = new Navigateur();
        navigateur.envoyer(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET());
        HttpResponse<String> login = navigateur.envoyer(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", navigateur.cookies.get("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode("gestionnaire", StandardCharsets.UTF_8)
                        + "&password=demo")));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        HttpResponse<String> page = navigateur.envoyer(HttpRequest.newBuilder(uri("/agents/dossiers/" + numero))
                .header("Accept", "text/html").GET());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Dossier " + numero);
    }

    @Test
    void leContratOpenApiTypeLaFiche() {
        JsonNode api = http.get("/v3/api-docs", Map.of()).json();
        JsonNode get = api.at("/paths/~1api~1agents~1dossiers~1{numero}/get");
        assertThat(get.at("/responses/200/content/application~1json/schema/$ref").asText()).endsWith("/FicheDossier");
        assertThat(get.at("/responses/404/content").has("application/problem+json")).isTrue();
        JsonNode schema = api.at("/components/schemas/FicheDossier/properties");
        assertThat(schema.fieldNames()).toIterable().contains("structure", "demande", "pieces", "completude", "avisTerritorial",
                "instruction", "validation", "comite", "convention", "versements", "journal");
        assertThat(api.get("paths").has("/agents/dossiers/{numero}")).as("la page n'est pas une API").isFalse();
    }

    private URI uri(String chemin) {
        return URI.create("http://127.0.0.1:" + port + chemin);
    }
}
