package fr.gouv.fabriques.integration;

import static fr.gouv.fabriques.integration.Http.basic;
import static fr.gouv.fabriques.integration.Http.bearer;
import static fr.gouv.fabriques.integration.Http.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gouv.fabriques.application.vague.CreerVague;
import fr.gouv.fabriques.domain.FichierConvention;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An amendment walked through the API and the engine's REST: proposed, refused to the proposer
 * (four eyes), validated by another manager, its PDF downloaded and signed by the laureate, signed by
 * the State; the schedule, the commitment, the calendar (the waiting anniversary timer moves) and the
 * sheet follow. Then a SIRET change, and a rejection.
 */
@IntegrationTest
class AvenantsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.context.ApplicationContext contexte;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService taches;
    @Autowired
    ManagementService management;
    @Autowired
    CreerVague creerVague;

    Http http;
    Parcours parcours;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        parcours = Parcours.pour(port, contexte);
    }

    private String conventionne() {
        String code = Parcours.codeVague("FDT", 2036);
        creerVague.creer(code, "FABRIQUES_TERRITOIRE", Parcours.dans(Duration.ofDays(600)), null);
        return parcours.conventionne(code, "HORS_GRANDS_CENTRES");
    }

    private long dossierId(String numero) {
        return jdbc.sql("select id from dossier where numero = ?").param(numero).query(Long.class).single();
    }

    private long engage() {
        return jdbc.sql("select engage from programme").query(Long.class).single();
    }

    private Job echeanceAnnee2(String numero) {
        for (var pi : runtime.createProcessInstanceQuery().processInstanceBusinessKey(numero).list()) {
            Job j = management.createJobQuery().processInstanceId(pi.getId()).timers().activityId("TimerEvent_EcheanceVersement").singleResult();
            if (j != null) {
                return j;
            }
        }
        return null;
    }

    /** The task of the amendment's process, claimed over the engine's REST by the user; its id. */
    private String tache(String utilisateur, String numero, String cle) {
        Http.Reponse r = http.get("/engine-rest/task?processInstanceBusinessKey=" + numero + "&taskDefinitionKey=" + cle, basic(utilisateur));
        assertThat(r.statut()).as(r.corps()).isEqualTo(200);
        assertThat(r.json()).as(utilisateur + " voit " + cle).hasSize(1);
        String id = r.json().get(0).get("id").asText();
        Http.Reponse claim = http.postJson("/engine-rest/task/" + id + "/claim", Map.of("userId", utilisateur), basic(utilisateur));
        assertThat(claim.statut()).as(claim.corps()).isEqualTo(204);
        return id;
    }

    private Http.Reponse soumettre(String utilisateur, String id, Object... valeurs) {
        Http.Reponse r = http.postJson("/engine-rest/task/" + id + "/submit-form", variables(valeurs), basic(utilisateur));
        return r;
    }

    private static String texte(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d).replace('\u00a0', ' ');
        }
    }

    @Test
    void unAvenantDeMontantsEtDeCalendrierVaDeLaPropositionALApplication() throws IOException {
        String numero = conventionne();
        long id = dossierId(numero);
        parcours.ordonnancerEtValider(numero);
        Job avant = echeanceAnnee2(numero);
        assertThat(avant).as("minuteur de l'anniversaire de l'année 2").isNotNull();
        long engageAvant = engage();

        // Year 1 is paid: its amount cannot change (409 naming the field); the caps are named field by field (422).
        Http.Reponse verse = http.postJson("/api/agents/dossiers/" + numero + "/avenants",
                Map.of("montants", Map.of("annee1", 40000, "annee2", 50000, "annee3", 50000), "motif", "Erreur de saisie"), basic("gestionnaire"));
        assertThat(verse.statut()).as(verse.corps()).isEqualTo(409);
        assertThat(verse.corps()).contains("montants.annee1").contains("déjà émis");
        Http.Reponse plafond = http.postJson("/api/agents/dossiers/" + numero + "/avenants",
                Map.of("montants", Map.of("annee1", 50000, "annee2", 60000, "annee3", 50000), "motif", "Hausse"), basic("gestionnaire"));
        assertThat(plafond.statut()).as(plafond.corps()).isEqualTo(422);
        assertThat(plafond.corps()).contains("montants.annee2");
        assertThat(http.postJson("/api/agents/dossiers/" + numero + "/avenants", Map.of("decalageMois", 3, "motif", "Travaux"),
                basic("instructeur")).statut()).isEqualTo(403);

        Http.Reponse propose = http.postJson("/api/agents/dossiers/" + numero + "/avenants",
                Map.of("montants", Map.of("annee1", 50000, "annee2", 40000, "annee3", 30000), "decalageMois", 3,
                        "motif", "Travaux du bâtiment : ouverture reportée, activité réduite"), basic("gestionnaire"));
        assertThat(propose.statut()).as(propose.corps()).isEqualTo(201);
        assertThat(propose.json().get("numero").asInt()).isEqualTo(1);
        assertThat(propose.json().get("etat").asText()).isEqualTo("PROPOSE");
        // One amendment at a time.
        Http.Reponse second = http.postJson("/api/agents/dossiers/" + numero + "/avenants", Map.of("decalageMois", 1, "motif", "Encore"),
                basic("gestionnaire2"));
        assertThat(second.statut()).as(second.corps()).isEqualTo(409);
        assertThat(second.corps()).contains("un seul avenant à la fois");

        // The proposer can neither reject nor validate it (four eyes, on the server).
        String validation = tache("gestionnaire", numero, "UserTask_ValiderAvenant");
        Http.Reponse formulaire = http.get("/engine-rest/task/" + validation + "/form-variables", basic("gestionnaire"));
        assertThat(formulaire.corps()).contains("modificationAvenant").contains("40 000").contains("3 mois");
        Http.Reponse refus = soumettre("gestionnaire", validation, "decisionAvenant", "REJETE", "motifRejetAvenant", "Je me ravise");
        assertThat(refus.statut()).as(refus.corps()).isEqualTo(400);
        assertThat(refus.corps()).contains("quatre yeux");
        taches.setAssignee(validation, null);
        validation = tache("gestionnaire2", numero, "UserTask_ValiderAvenant");
        assertThat(soumettre("gestionnaire2", validation, "decisionAvenant", "VALIDE").statut()).isEqualTo(204);
        parcours.executerJobs(numero);

        // The laureate downloads amendment n°1 and sends it back signed.
        String jeton = parcours.jeton(numero);
        assertThat(http.getOctets("/api/dossiers/" + numero + "/avenants/1", Map.of()).statut()).isEqualTo(401);
        Http.ReponseOctets pdf = http.getOctets("/api/dossiers/" + numero + "/avenants/1", bearer(jeton));
        assertThat(pdf.statut()).isEqualTo(200);
        assertThat(pdf.entete("ETag")).contains(FichierConvention.sha256(pdf.corps()));
        assertThat(texte(pdf.corps())).contains("Avenant n°1").contains("40 000 €").contains("30 000 €").contains("3 mois")
                .contains("CONV-" + numero);
        Http.Reponse nonSigne = http.postMultipart("/api/dossiers/" + numero + "/avenants/1/signature",
                List.of(new Http.Fichier("avenant.pdf", "application/pdf", pdf.corps())), Map.of("signataire", "Camille Martin, présidente"),
                bearer(jeton));
        assertThat(nonSigne.statut()).as(nonSigne.corps()).isEqualTo(422);
        Http.Reponse sansSignataire = http.postMultipart("/api/dossiers/" + numero + "/avenants/1/signature",
                List.of(Http.Fichier.pdf("avenant-signe.pdf", "signé")), Map.of(), bearer(jeton));
        assertThat(sansSignataire.statut()).isEqualTo(422);
        assertThat(sansSignataire.corps()).contains("signataire");
        Http.Reponse signe = http.postMultipart("/api/dossiers/" + numero + "/avenants/1/signature",
                List.of(new Http.Fichier("avenant-signe.pdf", "application/pdf", Televersements.pdfSigne("Avenant 1 lu et approuvé"))),
                Map.of("signataire", "Camille Martin, présidente"), bearer(jeton));
        assertThat(signe.statut()).as(signe.corps()).isEqualTo(200);
        assertThat(signe.json().at("/avenantSigne/sha256").asText()).hasSize(64);

        // Signed for the State: the amendment is applied.
        String signature = tache("gestionnaire", numero, "UserTask_SignerAvenantEtat");
        assertThat(http.get("/engine-rest/task/" + signature + "/form-variables", basic("gestionnaire")).corps())
                .contains("signé par le porteur");
        assertThat(soumettre("gestionnaire", signature, "signatureAvenantEtat", true).statut()).isEqualTo(204);
        parcours.executerJobs(numero);

        assertThat(jdbc.sql("select montant from versement where dossier_id = ? order by annee").param(id).query(Integer.class).list())
                .containsExactly(50_000, 40_000, 30_000);
        assertThat(jdbc.sql("select montant_2 || '/' || montant_3 || '/' || decalage_mois from convention where dossier_id = ?").param(id)
                .query(String.class).single()).isEqualTo("40000/30000/3");
        assertThat(engage()).isEqualTo(engageAvant - 30_000);
        JsonNode finances = http.get("/api/agents/dossiers/" + numero + "/finances", basic("financier")).json();
        assertThat(finances.get("engage").asLong()).isEqualTo(120_000);
        // The anniversary timer already waiting moved three months later.
        Job apres = echeanceAnnee2(numero);
        ZoneId paris = ZoneId.of("Europe/Paris");
        assertThat(ZonedDateTime.ofInstant(apres.getDuedate().toInstant(), paris))
                .isEqualTo(ZonedDateTime.ofInstant(avant.getDuedate().toInstant(), paris).plusMonths(3));
        assertThat((Date) runtime.getVariable(apres.getExecutionId(), "dateEcheance")).isEqualTo(apres.getDuedate());

        JsonNode fiche = http.get("/api/agents/dossiers/" + numero, basic("financier")).json();
        assertThat(fiche.at("/convention/montants/annee2").asInt()).isEqualTo(40_000);
        assertThat(fiche.at("/convention/decalageMois").asInt()).isEqualTo(3);
        assertThat(fiche.at("/convention/avenants/0/etat").asText()).isEqualTo("APPLIQUE");
        assertThat(fiche.at("/convention/avenants/0/validePar").asText()).isEqualTo("gestionnaire2");
        assertThat(fiche.at("/convention/avenants/0/signeEtatPar").asText()).isEqualTo("gestionnaire");
        Http.Reponse page = http.get("/agents/dossiers/" + numero, Map.of("Authorization", basic("gestionnaire").get("Authorization"),
                "Accept", "text/html"));
        assertThat(page.corps()).contains("Avenants").contains("reporté de 3 mois");
        JsonNode liste = http.get("/api/agents/dossiers/" + numero + "/avenants", basic("instructeur")).json();
        assertThat(liste.get(0).get("sha256").asText()).isEqualTo(FichierConvention.sha256(pdf.corps()));
        assertThat(http.getOctets("/api/agents/dossiers/" + numero + "/avenants/1/signe", basic("gestionnaire")).statut()).isEqualTo(200);
    }

    @Test
    void unChangementDeSiretGardeLAncienDansLHistoriqueEtUnRejetMetFinALAvenant() {
        String numero = conventionne();
        long id = dossierId(numero);
        String ancien = jdbc.sql("select siret from dossier where id = ?").param(id).query(String.class).single();
        Http.Reponse luhn = http.postJson("/api/agents/dossiers/" + numero + "/avenants", Map.of("siret", "12345678901234", "motif", "Fusion"),
                basic("gestionnaire"));
        assertThat(luhn.statut()).isEqualTo(422);
        assertThat(luhn.corps()).contains("\"siret\"").contains("Luhn");

        Http.Reponse propose = http.postJson("/api/agents/dossiers/" + numero + "/avenants",
                Map.of("siret", "44235912700010", "motif", "Fusion avec l'association voisine"), basic("gestionnaire2"));
        assertThat(propose.statut()).as(propose.corps()).isEqualTo(201);
        parcours.completer(numero, "UserTask_ValiderAvenant", "gestionnaire", Map.of("decisionAvenant", "VALIDE"));
        Http.Reponse signe = http.postMultipart("/api/dossiers/" + numero + "/avenants/1/signature",
                List.of(new Http.Fichier("avenant-signe.pdf", "application/pdf", Televersements.pdfSigne("Fusion approuvée"))),
                Map.of("signataire", "Camille Martin, présidente"), bearer(parcours.jeton(numero)));
        assertThat(signe.statut()).as(signe.corps()).isEqualTo(200);
        // Signed twice: the amendment no longer waits for the laureate.
        assertThat(http.postMultipart("/api/dossiers/" + numero + "/avenants/1/signature",
                List.of(new Http.Fichier("avenant-signe.pdf", "application/pdf", Televersements.pdfSigne("Encore"))),
                Map.of("signataire", "Camille Martin, présidente"), bearer(parcours.jeton(numero))).statut()).isEqualTo(409);
        parcours.completer(numero, "UserTask_SignerAvenantEtat", "gestionnaire", Map.of("signatureAvenantEtat", true));
        assertThat(jdbc.sql("select siret from dossier where id = ?").param(id).query(String.class).single()).isEqualTo("44235912700010");
        JsonNode fiche = http.get("/api/agents/dossiers/" + numero, basic("gestionnaire")).json();
        assertThat(fiche.at("/structure/siret").asText()).isEqualTo("44235912700010");
        assertThat(fiche.at("/convention/avenants/0/siretAvant").asText()).isEqualTo(ancien);

        // A second amendment, rejected with its reason by another manager: the convention does not change.
        http.postJson("/api/agents/dossiers/" + numero + "/avenants", Map.of("decalageMois", 6, "motif", "Report demandé"),
                basic("gestionnaire"));
        assertThatThrownBy(() -> parcours.completer(numero, "UserTask_ValiderAvenant", "gestionnaire2",
                Map.of("decisionAvenant", "REJETE"))).hasMessageContaining("motif du rejet");
        taches.setAssignee(taches.createTaskQuery().processInstanceBusinessKey(numero).taskDefinitionKey("UserTask_ValiderAvenant")
                .singleResult().getId(), null);
        parcours.completer(numero, "UserTask_ValiderAvenant", "gestionnaire2", Map.of("decisionAvenant", "REJETE",
                "motifRejetAvenant", "Pas de justificatif"));
        assertThat(jdbc.sql("select etat || '/' || motif_rejet from avenant where dossier_id = ? and numero = 2").param(id)
                .query(String.class).single()).isEqualTo("REJETE/Pas de justificatif");
        assertThat(jdbc.sql("select decalage_mois from convention where dossier_id = ?").param(id).query(Integer.class).single()).isZero();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("Process_Avenant").processInstanceBusinessKey(numero).count())
                .isZero();
    }
}
