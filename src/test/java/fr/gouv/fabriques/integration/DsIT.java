package fr.gouv.fabriques.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.gouv.fabriques.application.ds.EnvoyerDansDs;
import fr.gouv.fabriques.application.ds.ImporterDossiersDs;
import fr.gouv.fabriques.application.ds.LecturesAnticipees;
import fr.gouv.fabriques.application.port.DemarchesSimplifiees;
import fr.gouv.fabriques.ds.simulateur.ExemplesDs;
import fr.gouv.fabriques.ds.simulateur.SimulateurDs;
import fr.gouv.fabriques.ds.simulateur.SimulateurDs.ChampSim;
import fr.gouv.fabriques.ds.simulateur.SimulateurDs.FichierSim;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The démarches-simplifiées connector against the DS simulator (graphql-java on the schema subset): every document it sends
 * is validated there, and {@link #aucuneRequeteInvalide()} fails the test otherwise.
 */
@IntegrationTest
class DsIT {

    private static final int FDT = ExemplesDs.DEMARCHE_TERRITOIRE;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext contexte;
    @Autowired
    SimulateurDs sim;
    @Autowired
    ImporterDossiersDs importer;
    @Autowired
    EnvoyerDansDs envoyer;
    @Autowired
    LecturesAnticipees anticipees;
    @Autowired
    JdbcClient jdbc;

    Parcours parcours;
    Http http;

    @BeforeEach
    void preparer() {
        parcours = Parcours.pour(port, contexte);
        http = new Http(port);
        sim.retablir();
        // Leave no earlier test's dossier half-way: the read starts from what is already known.
        importer.lire(FDT);
    }

    @AfterEach
    void aucuneRequeteInvalide() {
        sim.retablir();
        assertThat(sim.requetesInvalides()).isEmpty();
    }

    private int deposer(String siret) {
        return sim.deposer(FDT, "porteur@exemple.fr", siret, ExemplesDs.champsValides(FDT, siret, "La Fabrique " + siret));
    }

    private static String siret() {
        return Depots.siret();
    }

    private Http.Reponse postFormulaire(String chemin, Map<String, String> champs) {
        String corps = champs.entrySet().stream().map(e -> java.net.URLEncoder.encode(e.getKey(), java.nio.charset.StandardCharsets.UTF_8) + "="
                + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining("&"));
        return http.envoyer("POST", chemin, corps, "application/x-www-form-urlencoded", Map.of());
    }

    private String numeroIci(int dsNumero) {
        return jdbc.sql("select d.numero from ds_dossier l join dossier d on d.id = l.dossier_id where l.ds_numero = ?").param(dsNumero)
                .query(String.class).optional().orElse(null);
    }

    private long nombreLiens(int dsNumero) {
        return jdbc.sql("select count(*) from ds_dossier where ds_numero = ?").param(dsNumero).query(Long.class).single();
    }

    private String motifAReprendre(int dsNumero) {
        return jdbc.sql("select motif from ds_a_reprendre where ds_numero = ? and resolu_le is null").param(dsNumero).query(String.class)
                .optional().orElse(null);
    }

    @Test
    void unDossierEnConstructionEstImporteUneFoisAvecSesPiecesPuisPasseEnInstructionSurDs() {
        String siret = siret();
        int ds = deposer(siret);
        importer.lire(FDT);
        importer.lire(FDT);
        anticipees.signaler(ds);
        anticipees.lire();

        assertThat(nombreLiens(ds)).isEqualTo(1);
        String numero = numeroIci(ds);
        assertThat(numero).startsWith("FDT-");
        assertThat(jdbc.sql("select siret from dossier where numero = ?").param(numero).query(String.class).single()).isEqualTo(siret);
        assertThat(jdbc.sql("select count(*) from piece p join dossier d on d.id = p.dossier_id where d.numero = ? and p.categorie = 'STATUTS'")
                .param(numero).query(Long.class).single()).isEqualTo(1);

        // The first DS message gives our number and the applicant's token; once sent, the row forgets the token.
        envoyer.envoyerEnAttente();
        assertThat(sim.dossier(ds).orElseThrow().messagesTextes()).anySatisfy(m -> assertThat(m).contains(numero).contains("Jeton"));
        assertThat(jdbc.sql("select actions from ds_envoi where ds_numero = ? and nature = 'DEPOT'").param(ds).query(String.class).single())
                .isEqualTo("[]");

        // Eligibility ran in the import's transaction (doc/adr/0022), after the link: recevable → dossierPasserEnInstruction.
        parcours.executerJobs(numero);
        assertThat(parcours.statut(numero)).isEqualTo("EN_INSTRUCTION");
        envoyer.envoyerEnAttente();
        assertThat(sim.dossier(ds).orElseThrow().etat).isEqualTo("en_instruction");
        assertThat(sim.journal()).contains("dossierPasserEnInstruction " + ds);
    }

    @Test
    void piecesManquantesRenvoientLeDossierEnConstructionEtLaCorrectionDuPorteurRelanceLInstruction() {
        int ds = deposer(siret());
        importer.lire(FDT);
        String numero = numeroIci(ds);
        parcours.executerJobs(numero);
        envoyer.envoyerEnAttente();
        parcours.completer(numero, "UserTask_VerifierCompletude", "instructeur", Map.of("complet", "false", "piecesManquantes", "RIB de la structure"));
        assertThat(parcours.statut(numero)).isEqualTo("EN_ATTENTE_COMPLEMENTS");

        envoyer.envoyerEnAttente();
        SimulateurDs.DossierSim d = sim.dossier(ds).orElseThrow();
        assertThat(d.etat).isEqualTo("en_construction");
        assertThat(d.messagesTextes()).anySatisfy(m -> assertThat(m).startsWith("[incomplete]").contains("RIB de la structure"));

        // Our own message moved DS's modification date: re-reading does not take it for the applicant's answer.
        importer.lire(FDT);
        assertThat(parcours.statut(numero)).isEqualTo("EN_ATTENTE_COMPLEMENTS");

        sim.corrigerParPorteur(ds, List.of(ChampSim.pieces(ExemplesDs.id(121), "RIB de la structure",
                FichierSim.sain("rib.pdf", "application/pdf", ExemplesDs.pdf("RIB " + ds)))));
        importer.lire(FDT);
        assertThat(parcours.statut(numero)).isEqualTo("EN_INSTRUCTION");
        envoyer.envoyerEnAttente();
        assertThat(sim.dossier(ds).orElseThrow().etat).isEqualTo("en_instruction");
    }

    @Test
    void unDossierInvalideEstAReprendreEtLePorteurRecoitUneDemandeDeCorrectionQuiNommeLesChamps() {
        String siret = siret();
        List<ChampSim> champs = new ArrayList<>(ExemplesDs.champsValides(FDT, siret, "Sans montants"));
        champs.removeIf(c -> c.type().equals("IntegerNumberChamp"));
        int ds = sim.deposer(FDT, "porteur@exemple.fr", siret, champs);
        importer.lire(FDT);
        assertThat(nombreLiens(ds)).isZero();
        assertThat(motifAReprendre(ds)).isEqualTo("VALIDATION");
        Http.Reponse liste = http.get("/api/agents/ds/a-reprendre", Http.basic("gestionnaire"));
        assertThat(liste.statut()).isEqualTo(200);
        assertThat(liste.corps()).contains(String.valueOf(ds)).contains("montantsDemandes");

        envoyer.envoyerEnAttente();
        importer.lire(FDT);
        envoyer.envoyerEnAttente();
        List<String> messages = sim.dossier(ds).orElseThrow().messagesTextes();
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0)).startsWith("[incorrect]").contains("Montants demandés");

        sim.modifierParPorteur(ds, List.of(ChampSim.entier(ExemplesDs.id(116), "Montant demandé pour l'année 1 (€)", 50000),
                ChampSim.entier(ExemplesDs.id(117), "Montant demandé pour l'année 2 (€)", 50000),
                ChampSim.entier(ExemplesDs.id(118), "Montant demandé pour l'année 3 (€)", 40000)));
        importer.lire(FDT);
        assertThat(nombreLiens(ds)).isEqualTo(1);
        assertThat(motifAReprendre(ds)).isNull();
    }

    @Test
    void lesModificationsDuPorteurAvantInstructionMettentLeDossierAJour() {
        int ds = deposer(siret());
        importer.lire(FDT);
        String numero = numeroIci(ds);
        // Imported, judged eligible in the same transaction (doc/adr/0022): in instruction at once, a later change is not taken.
        String importe = jdbc.sql("select projet_nom from dossier where numero = ?").param(numero).query(String.class).single();
        sim.modifierParPorteur(ds, List.of(ChampSim.texte(ExemplesDs.id(110), "Nom du projet de Fabrique", "Nom changé trop tard")));
        importer.lire(FDT);
        assertThat(jdbc.sql("select projet_nom from dossier where numero = ?").param(numero).query(String.class).single()).isEqualTo(importe);
        // A dossier still « déposé » — imported before that change, its eligibility job not yet run — takes the applicant's changes.
        jdbc.sql("update dossier set statut = 'DEPOSE' where numero = ?").param(numero).update();
        for (String nom : List.of("Premier nom", "Second nom")) {
            sim.modifierParPorteur(ds, List.of(ChampSim.texte(ExemplesDs.id(110), "Nom du projet de Fabrique", nom)));
            importer.lire(FDT);
            assertThat(jdbc.sql("select projet_nom from dossier where numero = ?").param(numero).query(String.class).single()).isEqualTo(nom);
        }
        assertThat(nombreLiens(ds)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from dossier d where d.siret = (select siret from dossier where numero = ?)").param(numero)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void sommeDeControleFausseAnalyseEnAttenteEtFichierInfecte() {
        String s1 = siret();
        List<ChampSim> faux = new ArrayList<>(ExemplesDs.champsValides(FDT, s1, "MD5 faux"));
        faux.add(ChampSim.pieces(ExemplesDs.id(120), "Budget prévisionnel sur 3 ans",
                new FichierSim("budget.pdf", "application/pdf", ExemplesDs.pdf("budget"), "AAAAAAAAAAAAAAAAAAAAAA==", "safe")));
        int dsFaux = sim.deposer(FDT, "a@exemple.fr", s1, faux);

        String s2 = siret();
        List<ChampSim> attente = new ArrayList<>(ExemplesDs.champsValides(FDT, s2, "En attente"));
        attente.add(ChampSim.pieces(ExemplesDs.id(120), "Budget prévisionnel sur 3 ans",
                new FichierSim("budget-" + s2 + ".pdf", "application/pdf", ExemplesDs.pdf("budget"), null, "pending")));
        int dsAttente = sim.deposer(FDT, "b@exemple.fr", s2, attente);

        String s3 = siret();
        List<ChampSim> infecte = new ArrayList<>(ExemplesDs.champsValides(FDT, s3, "Infecté"));
        infecte.add(ChampSim.pieces(ExemplesDs.id(120), "Budget prévisionnel sur 3 ans",
                new FichierSim("virus.pdf", "application/pdf", ExemplesDs.pdf("eicar"), null, "infected")));
        int dsInfecte = sim.deposer(FDT, "c@exemple.fr", s3, infecte);

        importer.lire(FDT);
        assertThat(nombreLiens(dsFaux)).isZero();
        assertThat(motifAReprendre(dsFaux)).isEqualTo("SOMME_CONTROLE");
        assertThat(nombreLiens(dsAttente)).isZero();
        assertThat(motifAReprendre(dsAttente)).isEqualTo("PIECE_EN_ATTENTE");
        assertThat(nombreLiens(dsInfecte)).isEqualTo(1);
        assertThat(motifAReprendre(dsInfecte)).isEqualTo("PIECE_INFECTEE");
        assertThat(jdbc.sql("select count(*) from piece where dossier_id = (select dossier_id from ds_dossier where ds_numero = ?)")
                .param(dsInfecte).query(Long.class).single()).isEqualTo(1);
        envoyer.envoyerEnAttente();
        assertThat(sim.dossier(dsInfecte).orElseThrow().messagesTextes()).anySatisfy(m -> assertThat(m).contains("[incorrect]").contains("infecté"));

        // The scan ends: the next read imports it (re-read even though DS's list would not show it again).
        sim.analyser("budget-" + s2 + ".pdf", "safe");
        importer.lire(FDT);
        assertThat(nombreLiens(dsAttente)).isEqualTo(1);
        assertThat(motifAReprendre(dsAttente)).isNull();
        assertThat(nombreLiens(dsFaux)).isZero();
    }

    @Test
    void jetonExpireDsEnPanneEtRedemarrageAuMilieuDUnImportSansPerteNiDoublon() {
        sim.panne(401, 1);
        assertThatThrownBy(() -> importer.lire(FDT)).isInstanceOf(DemarchesSimplifiees.DsJetonRefuse.class)
                .hasMessageContaining("jeton").hasMessageNotContaining(sim.jeton());
        assertThat(importer.etats()).anySatisfy(e -> {
            assertThat(e.demarche()).isEqualTo(FDT);
            assertThat(e.echecsConsecutifs()).isEqualTo(1);
        });

        List<Integer> numeros = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            numeros.add(deposer(siret()));
        }
        // The first page is read, then DS fails (5xx): the cursor of the run in progress is kept in the database.
        sim.panneApres(1, 503);
        assertThatThrownBy(() -> importer.lire(FDT)).isInstanceOf(DemarchesSimplifiees.DsIndisponible.class);
        assertThat(importer.etats()).anySatisfy(e -> assertThat(e.echecsConsecutifs()).isEqualTo(2));
        assertThat(jdbc.sql("select curseur from ds_position where demarche = ?").param(FDT).query(String.class).single()).isNotNull();
        // (The first page may also hold earlier tests' dossiers that changed since the last read.)
        long importes = numeros.stream().filter(n -> nombreLiens(n) == 1).count();
        assertThat(importes).isBetween(1L, 100L);

        // A new run (after a restart: the position is in the database) resumes at the second page.
        int avant = sim.requetes();
        ImporterDossiersDs.Bilan bilan = importer.lire(FDT);
        assertThat(bilan.importes()).isEqualTo(250 - (int) importes);
        // Resumed at the saved cursor: the pages already read are not read again (from the start, it would be 250 and more).
        assertThat(bilan.lus()).isLessThan(250);
        assertThat(sim.requetes() - avant).isBetween(2, 4);
        assertThat(numeros).allSatisfy(n -> assertThat(nombreLiens(n)).isEqualTo(1));
        assertThat(importer.etats()).anySatisfy(e -> assertThat(e.echecsConsecutifs()).isZero());
        assertThat(ImporterDossiersDs.attenteApresEchecs(3, java.time.Duration.ofMinutes(5))).hasSeconds(60);
    }

    @Test
    void uneMutationRefuseeEstReessayeeEtVisibleUnTransitionDejaFaiteCompteCommeFaite() {
        // What other tests left due is written first: the refusal below is for this dossier's transition.
        envoyer.envoyerEnAttente();
        int ds = deposer(siret());
        // Armed before the import: its eligibility step (doc/adr/0022) already asks DS to pass the dossier en instruction.
        sim.refuserProchaine("dossierPasserEnInstruction");
        importer.lire(FDT);
        String numero = numeroIci(ds);
        parcours.executerJobs(numero);
        envoyer.envoyerEnAttente();
        Http.Reponse r = http.get("/api/agents/ds/envois?etat=A_ENVOYER", Http.basic("gestionnaire"));
        assertThat(r.corps()).contains("Refus simulé");
        assertThat(sim.dossier(ds).orElseThrow().etat).isEqualTo("en_construction");

        // Retried (backoff elapsed: made due now), then done; a second copy of the transition is « already done ».
        jdbc.sql("update ds_envoi set prochaine_tentative = timestamp '2000-01-01 00:00' where ds_numero = ? and etat = 'A_ENVOYER'").param(ds).update();
        envoyer.envoyerEnAttente();
        assertThat(sim.dossier(ds).orElseThrow().etat).isEqualTo("en_instruction");
        jdbc.sql("update ds_envoi set etat = 'A_ENVOYER', faites = 0, prochaine_tentative = timestamp '2000-01-01 00:00' where ds_numero = ? and nature = 'RECEVABILITE'")
                .param(ds).update();
        envoyer.envoyerEnAttente();
        assertThat(jdbc.sql("select etat from ds_envoi where ds_numero = ? and nature = 'RECEVABILITE'").param(ds).query(String.class).single())
                .isEqualTo("FAIT");
    }

    @Test
    void uneRafaleDeCentWebhooksNeDonneQuUneLectureEtRienNEstCru() {
        int ds = deposer(siret());
        int acceptes = 0;
        int limites = 0;
        for (int i = 0; i < 100; i++) {
            Http.Reponse r = postFormulaire("/api/ds/webhook", Map.of("dossier_id", String.valueOf(ds), "state", "accepte",
                    "procedure_id", "1", "updated_at", "2026-01-01"));
            if (r.statut() == 202) {
                acceptes++;
            } else {
                assertThat(r.statut()).isEqualTo(429);
                limites++;
            }
        }
        assertThat(acceptes + limites).isEqualTo(100);
        assertThat(anticipees.enAttente()).isEqualTo(1);
        int avant = sim.requetes();
        assertThat(anticipees.lire()).isEqualTo(1);
        assertThat(sim.requetes() - avant).isLessThanOrEqualTo(3);
        assertThat(nombreLiens(ds)).isEqualTo(1);
        assertThat(postFormulaire("/api/ds/webhook", Map.of("dossier_id", "abc")).statut()).isIn(422, 429);
    }

    @Test
    void unDossierSupprimeSurDsEstSignaleAuxAgentsSansRienDeciderIci() {
        int importe = deposer(siret());
        String siret = siret();
        List<ChampSim> champs = new ArrayList<>(ExemplesDs.champsValides(FDT, siret, "Brouillon"));
        champs.removeIf(c -> c.type().equals("IntegerNumberChamp"));
        int invalide = sim.deposer(FDT, "p@exemple.fr", siret, champs);
        importer.lire(FDT);
        String numero = numeroIci(importe);
        assertThat(motifAReprendre(invalide)).isEqualTo("VALIDATION");

        sim.supprimer(importe);
        sim.supprimer(invalide);
        importer.lire(FDT);
        importer.lire(FDT);
        assertThat(motifAReprendre(invalide)).isNull();
        assertThat(motifAReprendre(importe)).isEqualTo("SUPPRIME");
        assertThat(parcours.statut(numero)).isEqualTo("EN_INSTRUCTION");
        assertThat(jdbc.sql("select count(*) from ds_a_reprendre where ds_numero = ?").param(importe).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void lesChampsDUneDemarcheSontImprimesPourLaCorrespondance() {
        Http.Reponse r = http.get("/api/agents/ds/demarches/" + FDT + "/champs", Http.basic("gestionnaire"));
        assertThat(r.statut()).as(r.corps()).isEqualTo(200);
        assertThat(r.corps()).contains(ExemplesDs.id(103)).contains("SIRET de la structure porteuse").contains("structure.siret");
        assertThat(http.get("/api/agents/ds/demarches/" + FDT + "/champs", Http.basic("instructeur")).statut()).isEqualTo(403);
        assertThat(http.get("/api/agents/ds", Http.basic("instructeur")).corps()).contains("\"actif\":true");
    }
}
