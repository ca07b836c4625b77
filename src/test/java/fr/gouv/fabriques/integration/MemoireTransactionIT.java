package fr.gouv.fabriques.integration;

import static fr.gouv.fabriques.integration.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.fabriques.application.port.BoiteEnvoi;
import fr.gouv.fabriques.application.port.BoiteEnvoi.CourrielADeposer;
import fr.gouv.fabriques.application.port.DossierRepository;
import fr.gouv.fabriques.application.port.DsRepository;
import fr.gouv.fabriques.application.port.Journal;
import fr.gouv.fabriques.application.port.TypeEvenement;
import fr.gouv.fabriques.domain.Dossier;
import fr.gouv.fabriques.domain.Siret;
import fr.gouv.fabriques.domain.StatutDossier;
import fr.gouv.fabriques.domain.Structure;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a transaction keeps instead of asking the database again (issue 13: round trips of each deposit and of each mail)
 * gives the same answers as the database: the dossier it inserted, read by its number; the mails it put in the box, written
 * when it commits; a dossier without a démarches-simplifiées link, once committed so.
 */
@IntegrationTest
class MemoireTransactionIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext contexte;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DossierRepository dossiers;
    @Autowired
    BoiteEnvoi boite;
    @Autowired
    Journal journal;
    @Autowired
    DsRepository ds;

    /** A dossier deposited through the API, in a wave of this class: the model of the others. */
    private Dossier modele;
    private TransactionTemplate tx;

    @BeforeEach
    void deposer() {
        tx = new TransactionTemplate(transactions);
        Http http = new Http(port);
        String vague = Parcours.codeVague("FDT", 2032);
        assertThat(http.postJson("/api/agents/vagues", Map.of("code", vague, "appel", "FABRIQUES_TERRITOIRE",
                "dateLimite", "2032-09-30T23:59:59+02:00"), basic("gestionnaire")).statut()).isEqualTo(201);
        String numero = Parcours.pour(port, contexte).deposerAvecJeton(vague, "HORS_GRANDS_CENTRES").numero();
        modele = dossiers.parNumero(numero).orElseThrow();
    }

    /** A new dossier like the model, of another company, not yet inserted. */
    private Dossier nouveau() {
        Structure s = modele.structure();
        String numero = "MT-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        return Dossier.depose(numero, modele.appel(), modele.vague(), modele.categorie(),
                new Structure(s.raisonSociale(), new Siret(Depots.siret()), s.formeJuridique(), s.adresse(), s.codeQpv()),
                modele.contact(), modele.projet(), modele.montantsDemandes(), Instant.now());
    }

    @Test
    void unDossierInsereEstReluTelQuEnregistreEtPlusApresUnChangement() {
        tx.executeWithoutResult(statut -> {
            Dossier insere = dossiers.ajouter(nouveau(), "empreinte");
            // Changed in memory by its holder, not saved: a read gives the row as stored.
            insere.passerA(StatutDossier.EN_INSTRUCTION, Instant.now());
            Dossier lu = dossiers.parNumero(insere.numero()).orElseThrow();
            assertThat(lu).isNotSameAs(insere);
            assertThat(lu.statut()).isEqualTo(StatutDossier.DEPOSE);
            assertThat(lu.id()).isEqualTo(insere.id());
            assertThat(lu.version()).isZero();

            Dossier change = dossiers.ajouter(nouveau(), "empreinte");
            change.passerA(StatutDossier.EN_INSTRUCTION, Instant.now());
            dossiers.mettreAJour(change);
            Dossier relu = dossiers.parNumero(change.numero()).orElseThrow();
            assertThat(relu.statut()).as("changé et enregistré dans la transaction : la base").isEqualTo(StatutDossier.EN_INSTRUCTION);
            assertThat(relu.version()).isEqualTo(1);
            statut.setRollbackOnly();
        });
    }

    private CourrielADeposer courriel(long evenement, String sujet) {
        return new CourrielADeposer(modele.id(), evenement, TypeEvenement.COMPLETUDE, "porteur@exemple.fr", sujet, "Corps", "<" + sujet
                + "@exemple.fr>", Instant.now());
    }

    private List<String> sujets(List<Long> evenements) {
        return jdbc.sql("select sujet from notification where evenement_id = any(?) order by id").param(evenements.toArray(Long[]::new))
                .query(String.class).list();
    }

    @Test
    void lesCourrielsDUneTransactionSontEcritsASaValidationDansLOrdreEtPasSiElleEstAnnulee() {
        Instant maintenant = Instant.now();
        List<Long> evenements = tx.execute(statut -> {
            long e1 = journal.noter(modele.id(), TypeEvenement.COMPLETUDE, "Premier", false, "test", maintenant);
            long e2 = journal.noter(modele.id(), TypeEvenement.COMPLETUDE, "Deuxième", false, "test", maintenant);
            long e3 = journal.noter(modele.id(), TypeEvenement.COMPLETUDE, "Troisième", false, "test", maintenant);
            boite.deposer(courriel(e1, "premier"));
            boite.deposer(courriel(e2, "deuxieme"));
            // Another step of the commit, after the box wrote its mails: this one is written at once.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean lectureSeule) {
                    boite.deposer(courriel(e3, "troisieme"));
                }
            });
            return List.of(e1, e2, e3);
        });
        try {
            assertThat(sujets(evenements)).containsExactly("premier", "deuxieme", "troisieme");
        } finally {
            jdbc.sql("delete from notification where evenement_id = any(?)").param(evenements.toArray(Long[]::new)).update();
        }

        List<Long> annules = tx.execute(statut -> {
            long e = journal.noter(modele.id(), TypeEvenement.COMPLETUDE, "Annulé", false, "test", maintenant);
            boite.deposer(courriel(e, "annule"));
            statut.setRollbackOnly();
            return List.of(e);
        });
        assertThat(sujets(annules)).isEmpty();
    }

    @Test
    void uneTransactionInterieureNeVoitNiNEcritCeQueGardeCelleQuElleSuspend() {
        TransactionTemplate interieure = new TransactionTemplate(transactions);
        interieure.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        Instant maintenant = Instant.now();
        long[] evenements = new long[2];
        tx.executeWithoutResult(statut -> {
            Dossier insere = dossiers.ajouter(nouveau(), "empreinte");
            evenements[0] = journal.noter(modele.id(), TypeEvenement.COMPLETUDE, "Extérieure", false, "test", maintenant);
            boite.deposer(courriel(evenements[0], "exterieure"));
            interieure.executeWithoutResult(s -> {
                // Not committed by the suspended transaction: not there for this one.
                assertThat(dossiers.parNumero(insere.numero())).isEmpty();
                evenements[1] = journal.noter(modele.id(), TypeEvenement.COMPLETUDE, "Intérieure", false, "test", maintenant);
                boite.deposer(courriel(evenements[1], "interieure"));
            });
            assertThat(dossiers.parNumero(insere.numero())).as("la transaction reprise retrouve ce qu'elle a inséré").isPresent();
            statut.setRollbackOnly();
        });
        List<Long> ids = List.of(evenements[0], evenements[1]);
        try {
            assertThat(sujets(ids)).as("le courriel de la transaction intérieure, validée ; pas celui de l'extérieure, annulée")
                    .containsExactly("interieure");
        } finally {
            jdbc.sql("delete from notification where evenement_id = any(?)").param(ids.toArray(Long[]::new)).update();
        }
    }

    @Test
    void unDossierValideSansLienDsNEnAPasEtUnDossierLieDansSaTransactionLeGarde() {
        Dossier sansLien = tx.execute(statut -> {
            Dossier d = dossiers.ajouter(nouveau(), "empreinte");
            assertThat(ds.lienDuDossier(d.id())).isEmpty();
            return d;
        });
        Optional<DsRepository.Lien> plusTard = tx.execute(statut -> ds.lienDuDossier(sansLien.id()));
        assertThat(plusTard).isEmpty();

        int dsNumero = ThreadLocalRandom.current().nextInt(900_000_000, 2_000_000_000);
        Dossier lie = tx.execute(statut -> {
            Dossier d = dossiers.ajouter(nouveau(), "empreinte");
            // Asked before its link is written (the import writes the deposit's entry first): none yet.
            assertThat(ds.lienDuDossier(d.id())).isEmpty();
            ds.lier(new DsRepository.Lien(dsNumero, "RG9zc2llci0x", 1, d.id(), Instant.now()), Instant.now());
            assertThat(ds.lienDuDossier(d.id())).isPresent();
            return d;
        });
        try {
            Optional<DsRepository.Lien> lien = tx.execute(statut -> ds.lienDuDossier(lie.id()));
            assertThat(lien).as("lié dans la transaction qui l'a créé")
                    .hasValueSatisfying(l -> assertThat(l.dsNumero()).isEqualTo(dsNumero));
        } finally {
            jdbc.sql("delete from ds_dossier where ds_numero = ?").param(dsNumero).update();
        }
    }
}
