package fr.gouv.fabriques.integration;

import static fr.gouv.fabriques.integration.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.gouv.fabriques.application.vague.CreerVague;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * All the dossiers for agents over HTTP: filters combined, orders, pages, refusals (400 naming the
 * parameter, 401, 403, a referent's reach), the exports with the same filters, and the page. Three
 * dossiers of a wave of their own (so the other tests' dossiers never count): one instructed in
 * the Nièvre, one whose name a spreadsheet would take for a formula, one in the Yonne.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListeDossiersIT {

    @LocalServerPort
    int port;
    @Autowired
    org.springframework.context.ApplicationContext contexte;
    @Autowired
    CreerVague creerVague;

    Http http;
    String vague;
    String ecluse;
    String formule;
    String yonne;
    String siretYonne;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @BeforeAll
    void dossiers() {
        http = new Http(port);
        Parcours parcours = Parcours.pour(port, contexte);
        vague = Parcours.codeVague("FDT", 2036);
        creerVague.creer(vague, "FABRIQUES_TERRITOIRE", Parcours.dans(Duration.ofDays(700)), null);
        ecluse = deposer(parcours, "Ateliers de l'Écluse & Cie", "HORS_GRANDS_CENTRES", null, 50000);
        parcours.instruire(ecluse);
        formule = deposer(parcours, "=1+2 Fabrique des Formules", "QPV", null, 40000);
        ObjectNode auxerre = Http.JSON.createObjectNode().put("ligne", "3 place de l'Hôtel de Ville").put("codePostal", "89000")
                .put("commune", "Auxerre").put("codeInsee", "89024").put("departement", "89").put("region", "27");
        yonne = deposer(parcours, "Tiers-lieu de l'Yonne", "HORS_GRANDS_CENTRES", auxerre, 25000);
    }

    private String deposer(Parcours parcours, String nom, String categorie, ObjectNode adresse, int annee3) {
        ObjectNode depot = Depots.valide();
        depot.put("vague", vague);
        depot.put("categorie", categorie);
        ObjectNode structure = (ObjectNode) depot.get("structure");
        structure.put("raisonSociale", nom);
        if ("QPV".equals(categorie)) {
            structure.put("codeQpv", "QP058001");
        }
        if (adresse != null) {
            structure.set("adresse", adresse);
            siretYonne = structure.get("siret").asText();
        }
        ((ObjectNode) depot.get("montantsDemandes")).put("annee3", annee3);
        Http.Reponse r = http.postJson("/api/dossiers", depot, Map.of());
        assertThat(r.statut()).as(r.corps()).isEqualTo(201);
        String numero = r.json().get("numero").asText();
        parcours.executerJobs(numero);
        return numero;
    }

    private JsonNode liste(String requete, String agent) {
        Http.Reponse r = http.get("/api/agents/dossiers?" + requete, basic(agent));
        assertThat(r.statut()).as(r.corps()).isEqualTo(200);
        return r.json();
    }

    private List<String> numeros(JsonNode page) {
        List<String> n = new ArrayList<>();
        page.get("elements").forEach(e -> n.add(e.get("numero").asText()));
        return n;
    }

    private static String enc(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    @Test
    void filtresCombines() {
        JsonNode tous = liste("vague=" + vague, "instructeur");
        assertThat(tous.get("total").asLong()).isEqualTo(3);
        assertThat(tous.get("page").asInt()).isZero();
        assertThat(tous.get("taille").asInt()).isEqualTo(50);
        assertThat(numeros(liste("vague=" + vague + "&departement=58", "instructeur"))).containsExactlyInAnyOrder(ecluse, formule);
        assertThat(numeros(liste("vague=" + vague + "&departement=58&categorie=QPV", "instructeur"))).containsExactly(formule);
        assertThat(numeros(liste("vague=" + vague + "&region=27&appel=FABRIQUES_TERRITOIRE&statut=INSTRUIT&avisReferent=FAVORABLE",
                "gestionnaire"))).containsExactly(ecluse);
        assertThat(numeros(liste("vague=" + vague + "&statut=INSTRUIT,LAUREAT&departement=89", "comite"))).isEmpty();
        assertThat(numeros(liste("vague=" + vague + "&statut=INSTRUIT,EN_INSTRUCTION&departement=89", "comite"))).containsExactly(yonne);
        assertThat(numeros(liste("vague=" + vague + "&statut=INSTRUIT&statut=EN_INSTRUCTION&statut=DEPOSE", "comite"))).hasSize(3);
        assertThat(numeros(liste("vague=" + vague + "&avisReferent=DEFAVORABLE,ABSENT", "comite"))).isEmpty();
        JsonNode instruit = liste("vague=" + vague + "&recommandation=FAVORABLE,RESERVE,DEFAVORABLE", "financier").get("elements");
        assertThat(instruit).hasSize(1);
        assertThat(instruit.get(0).get("numero").asText()).isEqualTo(ecluse);
        assertThat(instruit.get(0).get("statut").asText()).isEqualTo("INSTRUIT");
        assertThat(instruit.get(0).get("statutLibelle").asText()).isEqualTo("instruit, en attente du comité");
        assertThat(instruit.get(0).get("avisReferent").asText()).isEqualTo("FAVORABLE");
        assertThat(instruit.get(0).get("score").isNumber()).isTrue();
        assertThat(instruit.get(0).get("montantDemande").asLong()).isEqualTo(150000);
        assertThat(instruit.get(0).get("montantDecide").isNull()).as("pas encore décidé").isTrue();
        assertThat(instruit.get(0).get("structure").asText()).isEqualTo("Ateliers de l'Écluse & Cie");
    }

    @Test
    void rechercheSansCasseNiAccentsSurNomSiretEtNumero() {
        assertThat(numeros(liste("vague=" + vague + "&q=ecluse", "instructeur"))).containsExactly(ecluse);
        assertThat(numeros(liste("vague=" + vague + "&q=" + enc("ÉCLUSE & c"), "instructeur"))).containsExactly(ecluse);
        assertThat(numeros(liste("vague=" + vague + "&q=" + enc("l'yonne"), "instructeur"))).containsExactly(yonne);
        assertThat(numeros(liste("vague=" + vague + "&q=" + siretYonne, "instructeur"))).containsExactly(yonne);
        String siretEspaces = siretYonne.substring(0, 3) + " " + siretYonne.substring(3, 6) + " " + siretYonne.substring(6);
        assertThat(numeros(liste("vague=" + vague + "&q=" + enc(siretEspaces), "instructeur"))).containsExactly(yonne);
        assertThat(numeros(liste("vague=" + vague + "&q=" + formule.toLowerCase(), "instructeur"))).containsExactly(formule);
        // « % » and « _ » are searched as themselves, not as wildcards.
        assertThat(numeros(liste("vague=" + vague + "&q=" + enc("%"), "instructeur"))).isEmpty();
        assertThat(numeros(liste("vague=" + vague + "&q=" + enc("_"), "instructeur"))).isEmpty();
    }

    @Test
    void triEtPagination() {
        assertThat(numeros(liste("vague=" + vague + "&tri=structure", "instructeur"))).containsExactly(formule, ecluse, yonne);
        assertThat(numeros(liste("vague=" + vague + "&tri=structure&ordre=desc", "instructeur"))).containsExactly(yonne, ecluse, formule);
        assertThat(numeros(liste("vague=" + vague + "&tri=montantDemande&ordre=asc", "instructeur"))).containsExactly(yonne, formule, ecluse);
        assertThat(numeros(liste("vague=" + vague + "&tri=departement&ordre=desc", "instructeur")).get(0)).isEqualTo(yonne);
        // The scored dossier first, the others (no score) after, in both orders.
        assertThat(numeros(liste("vague=" + vague + "&tri=score&ordre=desc", "instructeur")).get(0)).isEqualTo(ecluse);
        assertThat(numeros(liste("vague=" + vague + "&tri=note", "instructeur")).get(0)).isEqualTo(ecluse);
        JsonNode p0 = liste("vague=" + vague + "&tri=numero&taille=2", "instructeur");
        JsonNode p1 = liste("vague=" + vague + "&tri=numero&taille=2&page=1", "instructeur");
        assertThat(p0.get("total").asLong()).isEqualTo(3);
        assertThat(p1.get("total").asLong()).isEqualTo(3);
        assertThat(numeros(p0)).hasSize(2);
        assertThat(numeros(p1)).hasSize(1);
        List<String> ensemble = new ArrayList<>(numeros(p0));
        ensemble.addAll(numeros(p1));
        assertThat(ensemble).containsExactlyInAnyOrder(ecluse, formule, yonne).isSorted();
        assertThat(numeros(liste("vague=" + vague + "&taille=2&page=7", "instructeur"))).isEmpty();
    }

    @Test
    void parametreInvalide400QuiLeNommeEtDitLesValeursAdmises() {
        Map<String, String> attendus = Map.of(
                "statut=LAUREATE", "LAUREAT",
                "categorie=qpv", "NUMERIQUE_QPV",
                "appel=FDT", "FABRIQUES_NUMERIQUES",
                "avisReferent=BOF", "ABSENT",
                "recommandation=OUI", "DEFAVORABLE",
                "departement=580", "2A",
                "region=ile", "27",
                "tri=date", "dateDepot",
                "ordre=up", "desc",
                "taille=500", "200");
        for (Map.Entry<String, String> cas : attendus.entrySet()) {
            Http.Reponse r = http.get("/api/agents/dossiers?" + cas.getKey(), basic("gestionnaire"));
            String parametre = cas.getKey().substring(0, cas.getKey().indexOf('='));
            assertThat(r.statut()).as(cas.getKey()).isEqualTo(400);
            assertThat(r.entete("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().get("detail").asText()).as(cas.getKey()).contains("« " + parametre + " »").contains(cas.getValue());
            assertThat(r.json().get("erreurs").get(0).get("champ").asText()).isEqualTo(parametre);
        }
        Http.Reponse inconnu = http.get("/api/agents/dossiers?statuts=LAUREAT", basic("gestionnaire"));
        assertThat(inconnu.statut()).isEqualTo(400);
        assertThat(inconnu.json().get("detail").asText()).contains("« statuts » inconnu").contains("statut, vague");
        assertThat(http.get("/api/agents/dossiers?page=-1", basic("gestionnaire")).statut()).isEqualTo(400);
        assertThat(http.get("/api/agents/dossiers/export.csv?taille=0&statut=X", basic("gestionnaire")).statut()).isEqualTo(400);
    }

    @Test
    void portes401Et403EtReferentDansSonDepartement() {
        assertThat(http.get("/api/agents/dossiers", Map.of()).statut()).isEqualTo(401);
        for (String agent : List.of("analyste", "admin")) {
            Http.Reponse r = http.get("/api/agents/dossiers?vague=" + vague, basic(agent));
            assertThat(r.statut()).as(agent).isEqualTo(403);
            assertThat(r.entete("Content-Type")).startsWith("application/problem+json");
            assertThat(http.get("/api/agents/dossiers/export.csv?vague=" + vague, basic(agent)).statut()).as(agent).isEqualTo(403);
        }
        assertThat(numeros(liste("vague=" + vague, "referent-58"))).containsExactlyInAnyOrder(ecluse, formule);
        // Another département asked for: nothing beyond the referent's reach.
        assertThat(numeros(liste("vague=" + vague + "&departement=89", "referent-58"))).isEmpty();
        assertThat(numeros(liste("vague=" + vague, "referent-75"))).isEmpty();
        assertThat(lignesCsv("vague=" + vague, "referent-75")).hasSize(1);
    }

    private HttpResponse<byte[]> telecharger(String chemin, String agent) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + chemin));
        basic(agent).forEach(b::header);
        try {
            return HttpClient.newHttpClient().send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<String> lignesCsv(String requete, String agent) {
        HttpResponse<byte[]> r = telecharger("/api/agents/dossiers/export.csv?" + requete, agent);
        assertThat(r.statusCode()).isEqualTo(200);
        byte[] o = r.body();
        assertThat(Arrays.copyOf(o, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        return new String(o, 3, o.length - 3, StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void exportsAvecLesFiltres() throws Exception {
        HttpResponse<byte[]> csv = telecharger("/api/agents/dossiers/export.csv?vague=" + vague + "&departement=58&tri=structure",
                "gestionnaire");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .matches("attachment; filename=\"dossiers-\\d{4}-\\d{2}-\\d{2}-\\d{4}\\.csv\"");
        List<String> lignes = lignesCsv("vague=" + vague + "&departement=58&tri=structure", "gestionnaire");
        assertThat(lignes).hasSize(3);
        assertThat(lignes.get(0)).startsWith("Numéro;Structure;SIRET;Forme juridique;").contains(";Score /100;", ";Versé (€);",
                ";Avis du référent;", ";Décision du comité;", ";Signature de l'État;");
        assertThat(lignes.get(1)).startsWith(formule + ";'=1+2 Fabrique des Formules;");
        assertThat(lignes.get(2)).startsWith(ecluse + ";Ateliers de l'Écluse & Cie;").contains(";instruit, en attente du comité;INSTRUIT;")
                .contains(";50000;50000;50000;150000;").contains(";favorable;");

        HttpResponse<byte[]> xlsx = telecharger("/api/agents/dossiers/export.xlsx?vague=" + vague + "&tri=numero", "comite");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow()).endsWith(".xlsx\"");
        try (XSSFWorkbook classeur = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet feuille = classeur.getSheetAt(0);
            assertThat(feuille.getLastRowNum()).isEqualTo(3);
            assertThat(feuille.getPaneInformation().isFreezePane()).isTrue();
            Map<String, Integer> colonnes = new HashMap<>();
            feuille.getRow(0).forEach(c -> colonnes.put(c.getStringCellValue(), c.getColumnIndex()));
            for (int i = 1; i <= 3; i++) {
                assertThat(feuille.getRow(i).getCell(colonnes.get("Demandé total (€)")).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(feuille.getRow(i).getCell(colonnes.get("Dépôt")).getCellType()).isEqualTo(CellType.NUMERIC);
            }
        }

        HttpResponse<byte[]> ods = telecharger("/api/agents/dossiers/export.ods?vague=" + vague + "&departement=89", "financier");
        assertThat(ods.statusCode()).isEqualTo(200);
        assertThat(ods.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/vnd.oasis.opendocument.spreadsheet");
        String contenu = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(ods.body()))) {
            ZipEntry e = zip.getNextEntry();
            assertThat(e.getName()).isEqualTo("mimetype");
            while ((e = zip.getNextEntry()) != null) {
                if (e.getName().equals("content.xml")) {
                    contenu = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(contenu).contains("Tiers-lieu de l'Yonne", yonne).doesNotContain(ecluse);
    }

    @Test
    void pageHtmlAvecFiltresTriEtExports() {
        Map<String, String> entetes = new HashMap<>(basic("instructeur"));
        entetes.put("Accept", "text/html");
        Http.Reponse r = http.get("/agents/dossiers?vague=" + vague + "&departement=58&tri=structure", entetes);
        assertThat(r.statut()).as(r.corps()).isEqualTo(200);
        assertThat(r.entete("Content-Type")).startsWith("text/html");
        assertThat(r.entete("Content-Security-Policy")).contains("form-action 'self'").contains("default-src 'none'");
        assertThat(r.corps()).contains("<h1>Tous les dossiers</h1>", "<strong>2 dossiers</strong>")
                .contains("href=\"/agents/dossiers/" + ecluse + "\"", "href=\"/agents/dossiers/" + formule + "\"")
                .contains("Ateliers de l&#39;Écluse &amp; Cie").doesNotContain("Écluse & Cie")
                .contains("/api/agents/dossiers/export.csv?vague=" + vague + "&amp;departement=58&amp;tri=structure&amp;ordre=asc")
                .contains("/api/agents/dossiers/export.ods?", "/api/agents/dossiers/export.xlsx?")
                .contains("name=\"departement\" value=\"58\"")
                .doesNotContain(yonne);
        assertThat(r.corps().indexOf(formule)).isLessThan(r.corps().indexOf(ecluse));
        Http.Reponse invalide = http.get("/agents/dossiers?statut=%3Cscript%3E", entetes);
        assertThat(invalide.statut()).isEqualTo(400);
        assertThat(invalide.entete("Content-Type")).startsWith("text/html");
        assertThat(invalide.corps()).contains("Filtre invalide", "&lt;script&gt;").doesNotContain("<script>");
        // The sheet of one dossier stays where it was.
        assertThat(http.get("/agents/dossiers/" + ecluse, entetes).statut()).isEqualTo(200);
    }
}
