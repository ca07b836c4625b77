package fr.gouv.fabriques.integration;

import static fr.gouv.fabriques.integration.Http.basic;
import static fr.gouv.fabriques.integration.Http.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.fabriques.application.opendata.SchemaScdlSubventions;
import fr.gouv.fabriques.application.vague.CreerVague;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The open data of the grants, over HTTP: every line of the file (those of the other tests too) checked
 * against the SCDL « subventions » rules; a convention amended (amounts, calendar, SIRET) published as
 * amended; a Fabrique numérique with its 100,000 € supplement; who may download it.
 */
@IntegrationTest
class OpenDataIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.context.ApplicationContext contexte;
    @Autowired
    CreerVague creerVague;

    Http http;
    Parcours parcours;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        parcours = Parcours.pour(port, contexte);
    }

    private String conventionne(String appel, String categorie) {
        String code = Parcours.codeVague(appel.equals("FABRIQUES_NUMERIQUES") ? "FNT" : "FDT", 2037);
        creerVague.creer(code, appel, Parcours.dans(Duration.ofDays(600)), null);
        return parcours.conventionne(code, categorie);
    }

    private static Optional<Map<String, String>> ligne(List<Map<String, String>> lignes, String numero) {
        return lignes.stream().filter(l -> l.get("referenceDecision").equals("CONV-" + numero)).findFirst();
    }

    @Test
    void lesConventionsSigneesSontPublieesTellesQuAmendeesSelonLeSchemaScdl() throws Exception {
        String amendee = conventionne("FABRIQUES_TERRITOIRE", "HORS_GRANDS_CENTRES");
        String numerique = conventionne("FABRIQUES_NUMERIQUES", "NUMERIQUE_QPV");
        String nouveauSiret = Depots.siret();
        Http.Reponse propose = http.postJson("/api/agents/dossiers/" + amendee + "/avenants",
                Map.of("montants", Map.of("annee1", 50000, "annee2", 40000, "annee3", 30000), "decalageMois", 2, "siret", nouveauSiret,
                        "motif", "Fusion avec l'association voisine, activité réduite pendant les travaux"), basic("gestionnaire"));
        assertThat(propose.statut()).as(propose.corps()).isEqualTo(201);
        parcours.completer(amendee, "UserTask_ValiderAvenant", "gestionnaire2", Map.of("decisionAvenant", "VALIDE"));
        Http.Reponse signe = http.postMultipart("/api/dossiers/" + amendee + "/avenants/1/signature",
                List.of(new Http.Fichier("avenant-signe.pdf", "application/pdf", Televersements.pdfSigne("Avenant 1 approuvé"))),
                Map.of("signataire", "Camille Martin, présidente"), bearer(parcours.jeton(amendee)));
        assertThat(signe.statut()).as(signe.corps()).isEqualTo(200);
        parcours.completer(amendee, "UserTask_SignerAvenantEtat", "gestionnaire", Map.of("signatureAvenantEtat", true));
        assertThat(jdbc.sql("select etat from avenant a join dossier d on d.id = a.dossier_id where d.numero = ?").param(amendee)
                .query(String.class).single()).isEqualTo("APPLIQUE");

        Http.ReponseOctets reponse = http.getOctets("/api/agents/opendata/subventions.csv", basic("analyste"));
        assertThat(reponse.statut()).isEqualTo(200);
        assertThat(reponse.entete("Content-Type")).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        byte[] octets = reponse.corps();
        // UTF-8 without BOM: the header starts the file.
        assertThat(octets[0]).isEqualTo((byte) 'n');
        String csv = new String(octets, java.nio.charset.StandardCharsets.UTF_8);
        List<Map<String, String>> lignes = SchemaScdlSubventions.lire(csv);
        long signees = jdbc.sql("select count(*) from convention where signee_etat_le is not null").query(Long.class).single();
        assertThat(lignes).hasSize((int) signees);
        for (Map<String, String> l : lignes) {
            assertThat(SchemaScdlSubventions.violations(l)).as(l.get("referenceDecision")).isEmpty();
        }

        String signature = jdbc.sql("select to_char(c.signee_etat_le at time zone 'Europe/Paris', 'YYYY-MM-DD') from convention c "
                + "join dossier d on d.id = c.dossier_id where d.numero = ?").param(amendee).query(String.class).single();
        Map<String, String> a = ligne(lignes, amendee).orElseThrow();
        assertThat(a.get("nomAttribuant")).isEqualTo("Agence nationale de la cohésion des territoires");
        assertThat(a.get("idAttribuant")).isEqualTo("13002603200016");
        assertThat(a.get("dateConvention")).isEqualTo(signature);
        assertThat(a.get("idBeneficiaire")).isEqualTo(nouveauSiret);
        assertThat(a.get("montant")).isEqualTo("120000.00");
        assertThat(a.get("conditionsVersement")).isEqualTo("échelonné");
        assertThat(a.get("nature")).isEqualTo("aide en numéraire");
        // The tests' payment period is the default year: year 3 two anniversaries later, moved 2 months by the amendment.
        assertThat(a.get("datesPeriodeVersement")).isEqualTo(signature + "/" + LocalDate.parse(signature).plusYears(2).plusMonths(2));
        assertThat(a.get("objet")).contains("1 avenant");
        Map<String, String> n = ligne(lignes, numerique).orElseThrow();
        assertThat(n.get("montant")).isEqualTo("250000.00");
        assertThat(n.get("objet")).contains("soutien numérique");

        assertThat(http.getOctets("/api/agents/opendata/subventions.csv", basic("gestionnaire")).statut()).isEqualTo(200);
        assertThat(http.getOctets("/api/agents/opendata/subventions.csv", basic("admin")).statut()).isEqualTo(200);
        assertThat(http.getOctets("/api/agents/opendata/subventions.csv", basic("instructeur")).statut()).isEqualTo(403);
        assertThat(http.getOctets("/api/agents/opendata/subventions.csv", Map.of()).statut()).isEqualTo(401);
    }
}
