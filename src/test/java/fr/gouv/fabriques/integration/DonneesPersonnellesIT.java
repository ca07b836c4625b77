package fr.gouv.fabriques.integration;

import static fr.gouv.fabriques.integration.Http.basic;
import static fr.gouv.fabriques.integration.Http.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gouv.fabriques.application.donnees.AnonymiserDossiers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retention of personal data (anonymization after a configurable period) and the right of access (export by SIRET).
 * Its waves close in 2032, before those RejeuVaguesIT replays (2033): they are never « the next wave » there.
 */
@IntegrationTest
class DonneesPersonnellesIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext contexte;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AnonymiserDossiers anonymiser;

    Http http;
    Parcours parcours;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        parcours = Parcours.pour(port, contexte);
    }

    private String deposerAvecPiece(String vague) {
        Parcours.Depot d = parcours.deposerAvecJeton(vague, "HORS_GRANDS_CENTRES");
        Http.Reponse r = http.postMultipart("/api/dossiers/" + d.numero() + "/pieces",
                List.of(Http.Fichier.pdf("statuts.pdf", "Statuts " + d.numero())), Map.of("categorie", "STATUTS"), bearer(d.jeton()));
        assertThat(r.statut()).as(r.corps()).isEqualTo(201);
        return d.numero();
    }

    private void vieillir(String numero, String statut, int annees) {
        jdbc.sql("update dossier set statut = ?, modifie_le = now() - make_interval(years => ?) where numero = ?").param(statut).param(annees)
                .param(numero).update();
    }

    private Map<String, Object> dossier(String numero) {
        return jdbc.sql("select contact_nom, contact_email, contact_telephone, anonymise_le, raison_sociale, montant_demande_1 from dossier "
                + "where numero = ?").param(numero).query().singleRow();
    }

    private long pieces(String numero) {
        return jdbc.sql("select count(*) from piece p join dossier d on d.id = p.dossier_id where d.numero = ?").param(numero)
                .query(Long.class).single();
    }

    @Test
    void lesDossiersNonFinancesPuisSoldesSontAnonymisesApresLeurDelaiUneSeuleFois() {
        String vague = Parcours.codeVague("FDT", 2032);
        assertThat(http.postJson("/api/agents/vagues", Map.of("code", vague, "appel", "FABRIQUES_TERRITOIRE",
                "dateLimite", "2032-09-30T23:59:59+02:00"), basic("gestionnaire")).statut()).isEqualTo(201);
        String refuseAncien = deposerAvecPiece(vague);
        String refuseRecent = deposerAvecPiece(vague);
        String soldeAncien = deposerAvecPiece(vague);
        vieillir(refuseAncien, "REFUSE", 3);
        vieillir(refuseRecent, "REFUSE", 1);
        vieillir(soldeAncien, "SOLDE", 11);

        anonymiser.anonymiser();

        Map<String, Object> a = dossier(refuseAncien);
        assertThat(a.get("contact_nom")).isEqualTo("Données anonymisées");
        assertThat(a.get("contact_email")).isEqualTo("anonymise@invalid");
        assertThat(a.get("anonymise_le")).isNotNull();
        assertThat(a.get("raison_sociale")).as("la structure n'est pas une personne").isEqualTo("Association La Fabrique du Val");
        assertThat(pieces(refuseAncien)).isZero();
        assertThat(jdbc.sql("select count(*) from notification n join dossier d on d.id = n.dossier_id where d.numero = ? "
                + "and (n.destinataire <> 'anonymise@invalid' or n.corps <> 'Données anonymisées')").param(refuseAncien).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select libelle from evenement_dossier e join dossier d on d.id = e.dossier_id where d.numero = ? "
                + "and e.type = 'DONNEES_ANONYMISEES'").param(refuseAncien).query(String.class).list())
                .singleElement().asString().contains("730 jours").contains("pièces jointes");

        assertThat(dossier(refuseRecent).get("anonymise_le")).as("dans son délai de conservation").isNull();
        assertThat(pieces(refuseRecent)).isEqualTo(1);

        Map<String, Object> s = dossier(soldeAncien);
        assertThat(s.get("contact_email")).isEqualTo("anonymise@invalid");
        assertThat(s.get("montant_demande_1")).isEqualTo(50000);
        assertThat(pieces(soldeAncien)).as("un dossier soldé garde ce dont les comptes ont besoin").isEqualTo(1);
        // This « soldé » was never a laureate of the programme's counters: other tests compare them with the dossiers.
        jdbc.sql("update dossier set statut = 'CLASSE_SANS_SUITE' where numero = ?").param(soldeAncien).update();

        // Idempotent: a second run (or a second node) changes nothing and notes nothing more.
        Object le = dossier(refuseAncien).get("anonymise_le");
        anonymiser.anonymiser();
        assertThat(dossier(refuseAncien).get("anonymise_le")).isEqualTo(le);
        assertThat(jdbc.sql("select count(*) from evenement_dossier e join dossier d on d.id = e.dossier_id where d.numero = ? "
                + "and e.type = 'DONNEES_ANONYMISEES'").param(refuseAncien).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void unGestionnaireExporteToutCeQuiEstDetenuSurUneStructure() {
        String vague = Parcours.codeVague("FDT", 2032);
        assertThat(http.postJson("/api/agents/vagues", Map.of("code", vague, "appel", "FABRIQUES_TERRITOIRE",
                "dateLimite", "2032-09-30T23:59:59+02:00"), basic("gestionnaire")).statut()).isEqualTo(201);
        String numero = deposerAvecPiece(vague);
        String siret = jdbc.sql("select siret from dossier where numero = ?").param(numero).query(String.class).single();

        Http.Reponse r = http.get("/api/agents/structures/" + siret + "/donnees", basic("gestionnaire"));
        assertThat(r.statut()).as(r.corps()).isEqualTo(200);
        JsonNode export = r.json();
        assertThat(export.get("siret").asText()).isEqualTo(siret);
        assertThat(export.get("exportePar").asText()).isEqualTo("gestionnaire");
        JsonNode d = export.get("dossiers").get(0);
        assertThat(d.get("fiche").get("numero").asText()).isEqualTo(numero);
        assertThat(d.get("fiche").get("contact").get("email").asText()).contains("@");
        assertThat(d.get("fiche").get("pieces")).hasSize(1);
        assertThat(d.get("courriels").get(0).get("sujet").asText()).contains(numero);

        assertThat(http.get("/api/agents/structures/" + siret + "/donnees", basic("instructeur")).statut()).isEqualTo(403);
        assertThat(http.get("/api/agents/structures/12345678901234/donnees", basic("gestionnaire")).statut()).isEqualTo(422);
        assertThat(http.get("/api/agents/structures/" + GrandeVague.siret(424242L) + "/donnees", basic("gestionnaire")).statut()).isEqualTo(404);
    }
}
